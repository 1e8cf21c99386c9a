import { describe, expect, it } from "vitest";
import { finalClaimAnchorActions } from "./final-claim-anchor";

describe("finalClaimAnchorActions", () => {
  it("lets an editor confirm a drifted claim and place a drifted or orphaned one", () => {
    expect(finalClaimAnchorActions({ anchorState: "drifted", anchorScore: 0.84 }, true)).toEqual({ confirm: true, place: true });
    expect(finalClaimAnchorActions({ anchorState: "orphaned", anchorScore: null }, true)).toEqual({ confirm: false, place: true });
  });

  it("offers nothing for a claim on its checked words, or to someone who may not place claims", () => {
    for (const state of ["anchored", "moved"]) expect(finalClaimAnchorActions({ anchorState: state }, true)).toEqual({ confirm: false, place: false });
    for (const state of ["drifted", "orphaned"]) expect(finalClaimAnchorActions({ anchorState: state }, false)).toEqual({ confirm: false, place: false });
  });
});
