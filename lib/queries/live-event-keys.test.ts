import { describe, expect, it } from "vitest";
import { keysForEvent } from "./live-event-keys";

describe("keysForEvent", () => {
  it("refreshes an article's claims when an annotation changes, and rounds when a review moves", () => {
    const annotation = keysForEvent({ team: "t", article: "a1", kind: "annotation", id: "x", version: 2 });
    expect(annotation).toContainEqual(["articles", "a1", "claims"]);
    expect(annotation).toContainEqual(["reviews"]);
    const round = keysForEvent({ team: "t", article: "a1", kind: "round", id: "r", version: 3 });
    expect(round).toEqual(expect.arrayContaining([["articles", "a1"], ["reviews"], ["queue"]]));
  });

  it("refreshes the one thread of a comment and the inbox of a notification", () => {
    expect(keysForEvent({ team: "t", article: null, kind: "comment", id: "c1", version: null })).toContainEqual(["comments", "c1"]);
    expect(keysForEvent({ team: "t", article: null, kind: "notification", id: "n", version: null })).toEqual([["notifications"]]);
  });
});
