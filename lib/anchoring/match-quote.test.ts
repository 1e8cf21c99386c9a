import { describe, expect, it } from "vitest";
import { editDistance, matchQuote, scoreCandidate } from "./match-quote";
import type { Range } from "./alignment-types";

const whole = (text: string): Range[] => [[0, text.length]];

describe("matchQuote", () => {
  const text = "In Seoul, Stoltenberg met Foreign Minister Park Jin on Monday. Later he flew to Tokyo.";

  it("finds an edited quote with its context and accepts it", () => {
    const q = { exact: "Stoltenberg met with Foreign Minister Park Jin", prefix: "In Seoul, ", suffix: " on Monday. Later", hint: 10 };
    const m = matchQuote(text, q, whole(text));
    expect(m.accepted).toBe(true);
    expect(text.slice(m.best!.start, m.best!.end)).toBe("Stoltenberg met Foreign Minister Park Jin");
    expect(m.best!.score).toBeGreaterThan(0.9);
  });

  it("only looks inside the given ranges", () => {
    const q = { exact: "Park Jin", prefix: "Minister ", suffix: " on Monday", hint: 0 };
    expect(matchQuote(text, q, [[0, 30]]).best).toBeNull();
    expect(matchQuote(text, q, [[30, text.length]]).accepted).toBe(true);
  });

  it("refuses a match below the minimum score", () => {
    const q = {
      exact: "Stoltenberg met Foreign Minister Park Jin",
      prefix: "The weather was fine and ",
      suffix: " said nothing at all abo",
      hint: 0,
    };
    const other = "Yesterday Stoltenberg met Foreign Minister Pak Jin again, who then left for Busan by train.";
    const m = matchQuote(other, q, whole(other));
    expect(m.best).not.toBeNull();
    expect(m.best!.score).toBeLessThan(0.8);
    expect(m.accepted).toBe(false);
  });

  it("refuses two equally good candidates (no margin), and reports the runner-up", () => {
    const twice = "He said South Korea will help. He said South Korea will help.";
    const q = { exact: "South Korea", prefix: "He said ", suffix: " will help.", hint: 0 };
    const m = matchQuote(twice, q, whole(twice));
    expect(m.runnerUp).not.toBeNull();
    expect(m.best!.score - m.runnerUp!.score).toBeLessThan(0.1);
    expect(m.accepted).toBe(false);
  });

  it("sees a weaker second copy next to an exact one (approx-string-match alone reports only the best)", () => {
    const t = "The visit strengthens relations. Later: the visit strengthen relation.";
    const q = { exact: "the visit strengthens relations", prefix: "", suffix: "", hint: 0 };
    const m = matchQuote(t, q, whole(t));
    expect(m.runnerUp).not.toBeNull();
    expect(t.slice(m.runnerUp!.start, m.runnerUp!.end)).toMatch(/visit strengthen relation/);
  });

  it("returns nothing for an empty quote", () => {
    expect(matchQuote(text, { exact: "", prefix: "", suffix: "", hint: 0 }, whole(text))).toEqual({
      best: null,
      runnerUp: null,
      accepted: false,
    });
  });
});

describe("scoreCandidate", () => {
  it("is 1 for the exact quote with its exact context at the hinted position", () => {
    const text = "aaa Stoltenberg bbb";
    expect(scoreCandidate(text, { exact: "Stoltenberg", prefix: "aaa ", suffix: " bbb", hint: 4 }, 4, 15, 0)).toBeCloseTo(1, 5);
  });

  it("weighs the quote more than its context", () => {
    const text = "xxx Stoltenberg yyy";
    const q = { exact: "Stoltenberg", prefix: "aaa ", suffix: " bbb", hint: 4 };
    const contextLost = scoreCandidate(text, q, 4, 15, 0);
    expect(contextLost).toBeGreaterThan(0.55);
    expect(contextLost).toBeLessThan(0.8);
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions and substitutions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("", "abc")).toBe(3);
    expect(editDistance("same", "same")).toBe(0);
  });
});
