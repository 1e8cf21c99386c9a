import { describe, expect, it } from "vitest";
import { createClaimSchema, updateClaimSchema } from "./claim";

const issuePath = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => r.error?.issues[0]?.path.join(".");

describe("claim schemas", () => {
  it("accepts a well-formed claim", () => {
    expect(createClaimSchema.safeParse({ versionId: "v1", start: 0, end: 3, verdict: "unsourced" }).success).toBe(true);
  });
  it("names the field at fault", () => {
    expect(issuePath(createClaimSchema.safeParse({ versionId: "v1", start: 0, end: 3, verdict: "mostly-true" }))).toBe("verdict");
    expect(issuePath(createClaimSchema.safeParse({ versionId: "v1", start: 1.5, end: 3, verdict: "verified" }))).toBe("start");
    expect(issuePath(createClaimSchema.safeParse({ versionId: "v1", start: 4, end: 4, verdict: "verified" }))).toBe("end");
    expect(issuePath(createClaimSchema.safeParse({ start: 0, end: 3, verdict: "verified" }))).toBe("versionId");
    expect(issuePath(updateClaimSchema.safeParse({ version: 1 }))).toBe("verdict");
    expect(issuePath(updateClaimSchema.safeParse({ version: 0, verdict: "verified" }))).toBe("version");
  });
});
