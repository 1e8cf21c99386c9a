import { describe, expect, it } from "vitest";
import { roundVersionNote } from "./round-version-note";

describe("roundVersionNote", () => {
  it("names the reviewed version and the one a correction moved the claims to", () => {
    expect(roundVersionNote({ textVersion: { id: "v2", number: 2, reviewedNumber: 1 } })).toBe(
      "This round reviewed version 1; a correction has since moved its claims to version 2.",
    );
  });

  it("says nothing while the round is on the version it reviewed", () => {
    expect(roundVersionNote({ textVersion: { id: "v1", number: 1, reviewedNumber: 1 } })).toBeNull();
  });
});
