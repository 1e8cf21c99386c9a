import { describe, expect, it } from "vitest";
import { may, permissionRefusal, rolesWith } from "./permissions";
import { canClose, canDecide, canReveal, canStartRound } from "./round";
import { canEditClaim } from "./claim";

const round = { adjudicatorId: "e", reviewerIds: ["r"] };

describe("permissions", () => {
  it("answers a refusal that says who may, or null", () => {
    expect(permissionRefusal({ role: "reviewer" }, "clusters.decide")).toBe("Only editors and admins decide clusters.");
    expect(permissionRefusal({ role: "editor" }, "clusters.decide")).toBeNull();
    expect(permissionRefusal({ role: "editor" }, "articles.restore")).toMatch(/Only admins/);
    expect(may({ role: "admin" }, "articles.restore")).toBe(true);
  });

  it("is what the object policies build on: a reviewer runs no round and decides nothing, whatever the round's state", () => {
    const reviewer = { id: "r", role: "reviewer" as const };
    const editor = { id: "e", role: "editor" as const };
    expect([
      canStartRound(reviewer),
      canReveal(reviewer, { ...round, status: "open" }),
      canClose(reviewer, { ...round, status: "adjudicated" }),
    ]).toEqual([false, false, false]);
    expect(canDecide(reviewer, { ...round, status: "revealed" })).toBe(false);
    expect([
      canStartRound(editor),
      canReveal(editor, { ...round, status: "open" }),
      canDecide(editor, { ...round, status: "revealed" }),
    ]).toEqual([true, true, true]);
    // An editor edits anyone's claim outside rounds; a reviewer only their own.
    expect(canEditClaim(editor, { authorId: "someone" })).toBe(true);
    expect(canEditClaim(reviewer, { authorId: "someone" })).toBe(false);
  });

  it("names the roles for queries that filter by role", () => {
    expect([...rolesWith("claims.final")].sort()).toEqual(["admin", "editor"]);
    expect(rolesWith("members.manage")).toEqual(["admin"]);
  });
});
