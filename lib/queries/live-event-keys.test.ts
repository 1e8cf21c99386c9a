import { describe, expect, it } from "vitest";
import { keysForEvent } from "./live-event-keys";

describe("keysForEvent", () => {
  it("patches a claim in place rather than refetching the list, and refreshes rounds when a review moves", () => {
    // lib/queries/live-updates.ts writes the one changed claim into the list; no key refetches all of them.
    const annotation = keysForEvent({ team: "t", article: "a1", kind: "annotation", id: "x", version: 2 });
    expect(annotation).not.toContainEqual(["articles", "a1", "claims"]);
    expect(annotation).toContainEqual(["reviews"]);
    // An editor's annotation outside a round is a final claim: that list refreshes.
    expect(keysForEvent({ team: "t", article: "a1", kind: "annotation", id: "x", version: 2, outcome: true })).toContainEqual([
      "articles",
      "a1",
      "final-claims",
    ]);
    const round = keysForEvent({ team: "t", article: "a1", kind: "round", id: "r", version: 3 });
    expect(round).toEqual(expect.arrayContaining([["articles", "a1", "claims"], ["reviews"], ["queue"]]));
  });

  it("refreshes the one thread of a comment and the inbox of a notification", () => {
    expect(keysForEvent({ team: "t", article: null, kind: "comment", id: "c1", version: null })).toContainEqual(["comments", "c1"]);
    expect(keysForEvent({ team: "t", article: null, kind: "notification", id: "n", version: null })).toEqual([["notifications"]]);
  });
});
