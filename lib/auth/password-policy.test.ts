import { describe, expect, it } from "vitest";
import { weakPasswordReason } from "./password-policy";

describe("weakPasswordReason", () => {
  it("refuses common passwords, also with digits or punctuation after them", () => {
    for (const p of ["password123", "Password2024!", "qwertyuiop", "iloveyou12", "1234567890"])
      expect(weakPasswordReason(p), p).toMatch(/most common/);
  });
  it("refuses passwords of few distinct characters or made of the person's e-mail or name", () => {
    expect(weakPasswordReason("aaaaaaaaaaaa")).toMatch(/too few/);
    expect(weakPasswordReason("riya.kapoor-2023", { email: "riya.kapoor@desk.example" })).toMatch(/e-mail or name/);
    expect(weakPasswordReason("RiyaKapoor!!x", { name: "Riya Kapoor" })).toMatch(/e-mail or name/);
  });
  it("accepts a long unusual password", () => {
    expect(weakPasswordReason("tank deal in Gdynia 2022", { email: "riya@desk.example", name: "Riya" })).toBeNull();
  });
});
