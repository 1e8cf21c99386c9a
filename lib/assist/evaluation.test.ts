import { describe, expect, it } from "vitest";
import { analyzeSeeds, evaluateMatches, evaluateSpeakers, evaluateSuggestions } from "@/bench/assist/evaluate";

/**
 * Floors on the labelled seed set (bench/assist/eval-set.ts), a little under
 * what `npm run bench` prints, so that a change that makes the assistant
 * worse fails here. The traps must never match.
 */
describe("the claim assistant on the labelled seed articles", () => {
  const corpus = analyzeSeeds();

  it("suggests check-worthy sentences", () => {
    const r = evaluateSuggestions(corpus);
    expect(r.recall).toBeGreaterThanOrEqual(0.75);
    expect(r.precision).toBeGreaterThanOrEqual(0.55);
  });

  it("finds who said what", () => {
    const r = evaluateSpeakers(corpus);
    expect(r.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.recall).toBeGreaterThanOrEqual(0.75);
  });

  it("matches claims across articles and never a trap", () => {
    const r = evaluateMatches(corpus);
    expect(r.suggest.recall).toBeGreaterThanOrEqual(0.7);
    expect(r.suggest.precision).toBeGreaterThanOrEqual(0.65);
    expect(r.strong.precision).toBeGreaterThanOrEqual(0.85);
    expect(r.traps.hits).toEqual([]);
  });
});
