import { describe, expect, it } from "vitest";
import type { LiveEventKind } from "@/lib/events/live-event";
import { keysForEvent } from "./live-event-keys";
import { queryKeys } from "./keys";

/** Whether invalidating `prefix` reaches `key` (react-query matches keys by prefix). */
const reaches = (prefix: readonly string[], key: readonly string[]) => prefix.every((part, i) => key[i] === part);
const refreshesFinalClaims = (kind: LiveEventKind, article: string | null = "a1", flags: { outcome?: boolean; text?: boolean } = {}) =>
  keysForEvent({ team: "t", article, kind, id: "x", version: 1, ...flags }).some((prefix) => reaches(prefix, queryKeys.finalClaims("a1")));

describe("queryKeys.finalClaims", () => {
  it("lives under the article's key, beside its annotations", () => {
    expect(queryKeys.finalClaims("a1")).toEqual(["articles", "a1", "final-claims"]);
  });

  it("is refreshed by every event that can change an article's final claims", () => {
    // An editor's annotation outside a round is a final claim (the event says so); a decision, a round's move or a
    // correction changes them too.
    expect(refreshesFinalClaims("annotation", "a1", { outcome: true })).toBe(true);
    for (const kind of ["cluster", "round"] as const) expect(refreshesFinalClaims(kind), kind).toBe(true);
    expect(refreshesFinalClaims("article", "a1", { text: true })).toBe(true);
  });

  it("is left alone by a comment, a notification, a reviewer's annotation, new details, and another article's events", () => {
    expect(refreshesFinalClaims("annotation")).toBe(false);
    expect(refreshesFinalClaims("article")).toBe(false);
    expect(refreshesFinalClaims("comment", null)).toBe(false);
    expect(refreshesFinalClaims("notification", null)).toBe(false);
    expect(
      keysForEvent({ team: "t", article: "a2", kind: "cluster", id: "x", version: 1 }).some((p) => reaches(p, queryKeys.finalClaims("a1"))),
    ).toBe(false);
  });
});
