import { describe, expect, it } from "vitest";
import { finalClaimAnchor, finalClaimAnchorActions, needsEditor } from "./final-claim-anchor";

describe("finalClaimAnchor", () => {
  it("badges a drifted claim with its score and an orphaned one", () => {
    expect(finalClaimAnchor({ anchorState: "drifted", anchorScore: 0.83 })).toEqual({ anchorState: "drifted", anchorScore: 0.83 });
    expect(finalClaimAnchor({ anchorState: "orphaned", anchorScore: null })).toEqual({ anchorState: "orphaned", anchorScore: null });
  });

  it("shows nothing for a claim on the words that were checked", () => {
    for (const anchorState of ["anchored", "moved"] as const)
      expect(finalClaimAnchor({ anchorState, anchorScore: null }).anchorState).toBeUndefined();
  });
});

describe("finalClaimAnchorActions", () => {
  it("lets an editor confirm a drifted claim and place a drifted or orphaned one", () => {
    expect(finalClaimAnchorActions({ anchorState: "drifted", anchorScore: 0.84 }, true)).toEqual({ confirm: true, place: true });
    expect(finalClaimAnchorActions({ anchorState: "orphaned", anchorScore: null }, true)).toEqual({ confirm: false, place: true });
  });

  it("offers nothing for a claim on its checked words, or to someone who may not place claims", () => {
    for (const anchorState of ["anchored", "moved"] as const)
      expect(finalClaimAnchorActions({ anchorState, anchorScore: null }, true)).toEqual({ confirm: false, place: false });
    for (const anchorState of ["drifted", "orphaned"] as const)
      expect(finalClaimAnchorActions({ anchorState, anchorScore: null }, false)).toEqual({ confirm: false, place: false });
  });
});

describe("needsEditor", () => {
  it("is true for a drifted or orphaned claim only, and false for an annotation without an anchor state", () => {
    expect(needsEditor({ anchorState: "drifted" })).toBe(true);
    expect(needsEditor({ anchorState: "orphaned", anchorScore: null })).toBe(true);
    for (const anchorState of ["anchored", "moved", undefined] as const) expect(needsEditor({ anchorState })).toBe(false);
  });
});
