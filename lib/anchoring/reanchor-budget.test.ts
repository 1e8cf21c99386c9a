import { describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "./offsets";
import { describeSpan } from "./selectors";
import { reanchor, type AnchorInput } from "./reanchor";
import { DEFAULT_MATCH_OPTIONS, matchQuote } from "./match-quote";
import { alignTexts } from "./text-alignment";
import { timeBudget, UNLIMITED_BUDGET, type ReanchorBudget } from "./reanchor-budget";

function claim(text: string, id: string, phrase: string): AnchorInput {
  const at = text.indexOf(phrase);
  if (at < 0) throw new Error(`phrase not found: ${phrase}`);
  const start = codePointLength(text.slice(0, at));
  const end = start + codePointLength(phrase);
  const { quote } = describeSpan(text, start, end);
  return { id, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}

/** A budget that is spent after `calls` looks at it: the work done before is exactly the work an unlimited run does first. */
function spentAfter(calls: number): ReanchorBudget & { looks: () => number } {
  let n = 0;
  return { remainingMs: () => Infinity, spent: () => ++n > calls, looks: () => n };
}

const TEXT = [
  "NATO chief Jens Stoltenberg arrived in South Korea on Sunday before heading to Japan.",
  "In Seoul he met Foreign Minister Park Jin and asked South Korea to send weapons to Ukraine.",
  "South Korea has a law against supplying weapons to countries at war.",
  "The visit ended in Tokyo, where Stoltenberg met Prime Minister Fumio Kishida.",
].join("\n");
// Two orphans of an earlier correction, whose words this one writes back lightly edited: only a fuzzy search finds them
// (a claim whose edges the diff keeps is placed without one). A third claim sits in an untouched paragraph, moved by text
// inserted before it.
const EDITED = TEXT.replace("asked South Korea to send weapons", "asked South Korea to send more weapons")
  .replace("a law against supplying weapons", "a strict law against supplying arms")
  .replace("NATO chief", "NATO Secretary-General");
const OLD = TEXT.replace("asked South Korea to send weapons to Ukraine", "asked for help").replace(
  "a law against supplying weapons to countries at war",
  "rules",
);
const orphanOf = (id: string, phrase: string): AnchorInput => ({ ...claim(TEXT, id, phrase), start: 0, end: 0, state: "orphaned" });
const first = orphanOf("first", "South Korea to send weapons to Ukraine");
const second = orphanOf("second", "a law against supplying weapons to countries");
const intact = claim(OLD, "intact", "Prime Minister Fumio Kishida");

describe("the re-anchoring budget", () => {
  it("without running out, both orphans are found again in their edited words", () => {
    const r = reanchor(OLD, EDITED, [first, second, intact], DEFAULT_MATCH_OPTIONS, UNLIMITED_BUDGET);
    expect(r.map((x) => x.state)).toEqual(["drifted", "drifted", "moved"]);
    expect(r.some((x) => x.budgetExceeded)).toBe(false);
  });

  it("orphans every claim still needing a fuzzy search once the budget is spent, and still places claims in untouched paragraphs", () => {
    const r = reanchor(OLD, EDITED, [first, second, intact], DEFAULT_MATCH_OPTIONS, spentAfter(0));
    expect(r.map((x) => [x.id, x.state, x.budgetExceeded ?? false])).toEqual([
      ["first", "orphaned", true],
      ["second", "orphaned", true],
      ["intact", "moved", false],
    ]);
    expect(r[0]).toMatchObject({ start: 0, end: 0, exact: first.exact, prefix: first.prefix, suffix: first.suffix, score: null });
    expect(sliceCodePoints(EDITED, r[2]!.start, r[2]!.end)).toBe("Prime Minister Fumio Kishida");
  });

  it("in the order given: the claims searched before the budget ran out keep their result, the remaining ones are orphaned", () => {
    // How many looks the alignment and the first claim's search take when nothing runs out.
    const probe = spentAfter(Infinity);
    const alone = reanchor(OLD, EDITED, [first], DEFAULT_MATCH_OPTIONS, probe)[0]!;
    const r = reanchor(OLD, EDITED, [first, second, intact], DEFAULT_MATCH_OPTIONS, spentAfter(probe.looks()));
    expect(r[0]).toEqual(alone);
    expect(r[0]!.state).toBe("drifted");
    expect(r[1]).toMatchObject({ id: "second", state: "orphaned", budgetExceeded: true });
    expect(r[2]!.state).toBe("moved");
  });

  it("never accepts a search the budget cut short, however good its best candidate", () => {
    const text = "He said South Korea will help. Then he left.";
    const q = { exact: "South Korea", prefix: "He said ", suffix: " will help.", hint: 8 };
    expect(matchQuote(text, q, [[0, text.length]]).accepted).toBe(true);
    const m = matchQuote(text, q, [[0, text.length]], DEFAULT_MATCH_OPTIONS, spentAfter(1));
    expect(m).toMatchObject({ accepted: false, cut: true, best: null });
  });

  it("keeps the alignment truthful when the budget is spent: every kept run is equal text in both versions", () => {
    const al = alignTexts(OLD, EDITED, spentAfter(0));
    for (const r of [...al.runs, ...al.moves])
      expect(EDITED.slice(r.newStart, r.newStart + r.length)).toBe(OLD.slice(r.oldStart, r.oldStart + r.length));
  });

  it("bounds the time a whole article rewritten takes (a real clock)", () => {
    const words = "alliance minister weapons support security region said urged war aid military talks summit".split(" ");
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0), seed % n);
    const article = () =>
      Array.from({ length: 150 }, () => Array.from({ length: 60 }, () => words[rand(words.length)]).join(" ") + ".").join("\n");
    const oldText = article();
    const newText = article();
    const claims = Array.from({ length: 300 }, (_, i) => {
      const at = oldText.indexOf(" ", rand(oldText.length - 100)) + 1;
      return { ...claim(oldText, `c${i}`, oldText.slice(at, oldText.indexOf(" ", at + 40))), id: `c${i}` };
    });
    const t0 = performance.now();
    const r = reanchor(oldText, newText, claims, DEFAULT_MATCH_OPTIONS, timeBudget(50));
    // Unbounded this takes well over a second on the 2-core test machine; the margin is for its load.
    expect(performance.now() - t0).toBeLessThan(1_000);
    // Nothing survived the rewrite, so nothing is anchored or moved; what the budget did not reach is orphaned.
    expect(r.filter((x) => x.state === "moved" || x.state === "anchored")).toEqual([]);
    expect(r.filter((x) => x.budgetExceeded).length).toBeGreaterThan(0);
  });

  it("timeBudget counts from its creation, on the clock it is given", () => {
    let now = 1000;
    const b = timeBudget(100, () => now);
    expect([b.spent(), b.remainingMs()]).toEqual([false, 100]);
    now = 1099;
    expect([b.spent(), b.remainingMs()]).toEqual([false, 1]);
    now = 1100;
    expect([b.spent(), b.remainingMs()]).toEqual([true, 0]);
  });
});
