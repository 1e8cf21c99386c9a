import { describe, expect, it } from "vitest";
import { canEditEvidence, canLinkEvidence, evidencePermissions } from "./evidence";

const reviewer = { id: "r", role: "reviewer" as const };
const editor = { id: "e", role: "editor" as const };

describe("evidence policy", () => {
  it("lets authors edit their items and editors curate all, never a tombstone", () => {
    expect(canEditEvidence(reviewer, { createdById: "r" })).toBe(true);
    expect(canEditEvidence(reviewer, { createdById: null })).toBe(false);
    expect(canEditEvidence(editor, { createdById: null })).toBe(true);
    expect(evidencePermissions(editor, { createdById: "e", deletedAt: new Date() })).toEqual({ edit: false, delete: false });
  });

  it("lets whoever may edit a claim change its evidence", () => {
    expect(canLinkEvidence(reviewer, { authorId: "r" })).toBe(true);
    expect(canLinkEvidence(reviewer, { authorId: "someone" })).toBe(false);
    expect(canLinkEvidence(editor, { authorId: "someone" })).toBe(true);
  });
});
