import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { importArticleText } from "@/lib/anchoring/strip-furniture";
import { clusterAnnotations } from "@/lib/review/cluster-annotations";

/** The demo marks must exist in the imported seed texts and cluster as the demo promises. */
describe("demo review seed", () => {
  const text = (stem: string) => importArticleText(readFileSync(new URL(`./articles/${stem}.txt`, import.meta.url), "utf8")).text;

  it("finds every demo phrase in its article", async () => {
    const src = readFileSync(new URL("./demo-review.ts", import.meta.url), "utf8");
    const phrases = [...src.matchAll(/phrase: "([^"]+)"/g)].map((m) => m[1]!);
    expect(phrases.length).toBeGreaterThan(10);
    const all = text("001_bb3c64dddcf2a7b9") + text("004_9860bfa2709a7987");
    for (const ph of phrases) expect(all, ph).toContain(ph);
  });

  it("gives the waiting round an agreed, a boundary-only and a verdict-conflict cluster", () => {
    const t = text("004_9860bfa2709a7987");
    const at = (s: string) => ({ start: t.indexOf(s), end: t.indexOf(s) + s.length });
    const kinds = clusterAnnotations([
      { id: "1", reviewerId: "a", ...at("North Korea on Monday blasted the NATO chief’s trip to South Korea and Japan"), verdict: "verified" },
      { id: "2", reviewerId: "b", ...at("North Korea on Monday blasted the NATO chief’s trip to South Korea and Japan"), verdict: "verified" },
      { id: "3", reviewerId: "a", ...at("Stoltenberg is on an official two-day trip to Seoul"), verdict: "verified" },
      { id: "4", reviewerId: "b", ...at("Stoltenberg is on an official two-day trip to Seoul and will fly to Japan for official meetings"), verdict: "verified" },
      { id: "5", reviewerId: "a", ...at("attended the NATO summit in Spain last year"), verdict: "verified" },
      { id: "6", reviewerId: "b", ...at("attended the NATO summit in Spain last year"), verdict: "unsourced" },
    ]).map((c) => c.kind);
    expect(kinds).toEqual(["agreed", "boundary_only", "verdict_conflict"]);
  });
});
