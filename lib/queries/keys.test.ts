import { describe, expect, it } from "vitest";
import { QueryClient } from "@tanstack/react-query";
import { invalidateArticle, queryKeys } from "./keys";

describe("invalidateArticle", () => {
  it("makes the article's claims, final claims, versions and the list stale, and leaves other articles alone", () => {
    const qc = new QueryClient();
    const keys = {
      article: queryKeys.article("a1"),
      claims: queryKeys.claims("a1"),
      finalClaims: queryKeys.finalClaims("a1"),
      versions: [...queryKeys.article("a1"), "versions"],
      list: queryKeys.articles(),
      other: queryKeys.finalClaims("a2"),
    };
    for (const key of Object.values(keys)) qc.setQueryData(key, []);
    invalidateArticle(qc, "a1");
    const stale = (key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated;
    expect(stale(keys.article)).toBe(true);
    expect(stale(keys.claims)).toBe(true);
    expect(stale(keys.finalClaims)).toBe(true);
    expect(stale(keys.versions)).toBe(true);
    expect(stale(keys.list)).toBe(true);
    expect(stale(keys.other)).toBe(false);
  });
});
