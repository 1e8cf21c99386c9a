import { describe, expect, it } from "vitest";
import { assistPermissions, canDecideSuggestion } from "./assist";

describe("claim assistance policy", () => {
  it("lets every member decide suggestions, and only editors and admins reset the model or change aliases", () => {
    for (const role of ["admin", "editor", "reviewer"] as const) expect(canDecideSuggestion({ id: "u", role })).toBe(true);
    expect(assistPermissions({ id: "u", role: "admin" })).toEqual({ resetModel: true, editAliases: true });
    expect(assistPermissions({ id: "u", role: "editor" })).toEqual({ resetModel: true, editAliases: true });
    expect(assistPermissions({ id: "u", role: "reviewer" })).toEqual({ resetModel: false, editAliases: false });
  });
});
