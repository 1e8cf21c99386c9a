import { describe, expect, it } from "vitest";
import { LAST_ADMIN_REFUSAL, memberChangeRefusal, teamPermissions, teamRefusal } from "./team";

const admin = { id: "a", role: "admin" as const };
const editor = { id: "e", role: "editor" as const };
const reviewer = { id: "r", role: "reviewer" as const };

describe("team policy", () => {
  it("lets admins manage, editors look, reviewers neither", () => {
    expect(teamPermissions(admin)).toEqual({ viewMembers: true, manageMembers: true, editSettings: true, viewActivity: true });
    expect(teamPermissions(editor)).toEqual({ viewMembers: true, manageMembers: false, editSettings: false, viewActivity: true });
    expect(teamPermissions(reviewer)).toEqual({ viewMembers: false, manageMembers: false, editSettings: false, viewActivity: false });
    expect(teamRefusal(editor, "members.manage")).toMatch(/Only admins/);
  });

  it("keeps one active admin: the last one can be neither demoted nor deactivated, themselves included", () => {
    const self = { userId: "a", role: "admin" as const, active: true };
    expect(memberChangeRefusal(admin, self, { role: "editor" }, 1)).toBe(LAST_ADMIN_REFUSAL);
    expect(memberChangeRefusal(admin, self, { active: false }, 1)).toBe(LAST_ADMIN_REFUSAL);
    expect(memberChangeRefusal(admin, self, { role: "admin" }, 1)).toBeNull();
    expect(memberChangeRefusal(admin, self, { role: "editor" }, 2)).toBeNull();
    // A deactivated admin does not count and may be changed freely.
    expect(memberChangeRefusal(admin, { ...self, active: false }, { role: "reviewer" }, 1)).toBeNull();
    expect(memberChangeRefusal(editor, { userId: "r", role: "reviewer", active: true }, { role: "editor" }, 3)).toMatch(/Only admins/);
  });
});
