import { describe, expect, it } from "vitest";
import { publicationPermissions, publicationRefusal } from "./publication";
import { ROLES } from "./roles";

describe("publication policy", () => {
  it("lets editors and admins publish and withdraw, and refuses reviewers with a reason", () => {
    const can = Object.fromEntries(ROLES.map((role) => [role, publicationPermissions({ id: "u", role })]));
    expect(can).toEqual({
      admin: { publish: true, retract: true },
      editor: { publish: true, retract: true },
      reviewer: { publish: false, retract: false },
    });
    expect(publicationRefusal({ id: "u", role: "reviewer" }, "publish")).toMatch(/editors and admins/);
    expect(publicationRefusal({ id: "u", role: "reviewer" }, "retract")).toMatch(/withdraw/);
  });
});
