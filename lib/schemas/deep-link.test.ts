import { describe, expect, it } from "vitest";
import { claimLink, clusterLink, finalClaimLink, readDeepLink } from "./deep-link";

const read = (url: string) => readDeepLink(new URL(url, "http://x").searchParams);

describe("deep links", () => {
  it("are read back as they were built", () => {
    expect(read(claimLink("a1", "c1"))).toEqual({ claim: "c1", final: null, cluster: null, discuss: false, comment: null });
    expect(read(claimLink("a1", "c1", { commentId: "m1" }))).toEqual({
      claim: "c1",
      final: null,
      cluster: null,
      discuss: true,
      comment: "m1",
    });
    expect(read(finalClaimLink("a1", "f1", { discuss: true }))).toMatchObject({ final: "f1", discuss: true });
    expect(clusterLink("r1", "k1", { discuss: true })).toBe("/reviews/r1?cluster=k1&discuss=1#cluster-card-k1");
  });

  it("open the discussion for a link to one comment, even without discuss=1", () => {
    expect(read("/articles/a?claim=c1&comment=m1")).toMatchObject({ claim: "c1", discuss: true, comment: "m1" });
  });

  it("ignore what is not an id", () => {
    expect(read(`/articles/a?claim=${"x".repeat(65)}&discuss=yes`)).toMatchObject({ claim: null, discuss: false });
  });
});
