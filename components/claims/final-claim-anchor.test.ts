import { describe, expect, it } from "vitest";
import { finalClaimAnchor } from "./final-claim-anchor";

describe("finalClaimAnchor", () => {
  it("badges a drifted claim with its score and an orphaned one", () => {
    expect(finalClaimAnchor({ id: "c", anchorState: "drifted", anchorScore: 0.83 })).toEqual({ anchorState: "drifted", anchorScore: 0.83 });
    expect(finalClaimAnchor({ id: "c", anchorState: "orphaned", anchorScore: null })).toEqual({ anchorState: "orphaned", anchorScore: null });
  });

  it("shows nothing for a claim on the words that were checked, or without the field", () => {
    for (const claim of [{ anchorState: "anchored", anchorScore: null }, { anchorState: "moved", anchorScore: null }, { id: "c" }, { anchorState: "lost" }]) {
      expect(finalClaimAnchor(claim).anchorState).toBeUndefined();
    }
  });
});
