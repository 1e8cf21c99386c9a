import { describe, expect, it } from "vitest";
import { canDeleteClaim, canEditClaim, canRestoreClaim, claimPermissions } from "./claim";

const author = { id: "u1", role: "reviewer" as const };
const other = { id: "u2", role: "reviewer" as const };
const editor = { id: "u3", role: "editor" as const };
const admin = { id: "u4", role: "admin" as const };
const live = { authorId: "u1", deletedAt: null };
const gone = { authorId: "u1", deletedAt: new Date() };

describe("claim policy", () => {
  it("lets the author, editors and admins edit and delete a live claim", () => {
    expect([author, other, editor, admin].map((a) => canEditClaim(a, live))).toEqual([true, false, true, true]);
    expect([author, other, editor, admin].map((a) => canDeleteClaim(a, live))).toEqual([true, false, true, true]);
  });
  it("allows no edit of a deleted claim, only its restore", () => {
    expect(canEditClaim(author, gone)).toBe(false);
    expect([author, other, editor].map((a) => canRestoreClaim(a, gone))).toEqual([true, false, true]);
    expect(canRestoreClaim(author, live)).toBe(false);
  });
  it("sends the client exactly what the server enforces", () => {
    expect(claimPermissions(other, live)).toEqual({ edit: false, delete: false, restore: false });
    expect(claimPermissions(editor, gone)).toEqual({ edit: false, delete: false, restore: true });
  });
});
