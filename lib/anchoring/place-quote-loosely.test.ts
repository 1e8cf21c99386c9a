import { describe, expect, it } from "vitest";
import { MAX_LOOSE_CANDIDATES, looseView, placeQuoteLoosely } from "./place-quote-loosely";
import { OffsetIndex } from "./offsets";

const TEXT =
  "NATO has 30 members.\nStoltenberg met Yoon in Seoul.\n𝕏 Later, Stoltenberg met Yoon again in Tokyo.\nStoltenberg met Yoon again in Tokyo.";
const cp = (s: string, from = 0) => [...TEXT.slice(0, TEXT.indexOf(s, from))].length;
const at = (p: { ok: boolean; start?: number; end?: number }) => (p.ok ? [...TEXT].slice(p.start, p.end).join("") : null);

describe("placeQuoteLoosely", () => {
  it("keeps verbatim placement as placeQuote does", () => {
    expect(placeQuoteLoosely(TEXT, { exact: "NATO has 30 members" })).toEqual({ ok: true, start: 0, end: 19, how: "quote" });
  });

  it("finds a quote that crosses a paragraph break, whatever whitespace the DOM had there", () => {
    for (const exact of ["members.Stoltenberg met", "members.\n\n  Stoltenberg met", "members. Stoltenberg\tmet"]) {
      const p = placeQuoteLoosely(TEXT, { exact });
      expect(p).toMatchObject({ ok: true, how: "quote", start: cp("members."), end: cp("members.") + 24 });
      expect(at(p)).toBe("members.\nStoltenberg met");
    }
  });

  it("scores context with whitespace differences and takes the best by a margin, in code points after 𝕏", () => {
    const p = placeQuoteLoosely(TEXT, { exact: "Stoltenberg met Yoon again", prefix: "𝕏  Later,\u00a0", suffix: "  in Tokyo.\n\n" });
    expect(p).toMatchObject({ ok: true, how: "context", start: cp("Stoltenberg met Yoon again") });
    // The second copy, after a paragraph break with no space in the DOM's text.
    const q = placeQuoteLoosely(TEXT, { exact: "Stoltenberg met Yoon again", prefix: "Tokyo.", suffix: "" });
    expect(q).toMatchObject({ ok: true, how: "context", start: cp("Stoltenberg met Yoon again", TEXT.indexOf("Tokyo.")) });
  });

  it("scores context approximately: a near prefix still wins over an unrelated one", () => {
    const p = placeQuoteLoosely(TEXT, { exact: "Stoltenberg met Yoon", prefix: "Latter, ", suffix: " agian in" });
    expect(p).toMatchObject({ ok: true, how: "context", start: cp("Stoltenberg met Yoon again") });
  });

  it("never guesses between equal candidates, even with a position hint", () => {
    const p = placeQuoteLoosely(TEXT, { exact: "Stoltenberg  met Yoon again", hint: cp("Stoltenberg met Yoon again") });
    expect(p).toEqual({ ok: false, reason: "ambiguous", matches: 2 });
    expect(placeQuoteLoosely(TEXT, { exact: "Stoltenberg met Yoon", prefix: "", suffix: "" })).toMatchObject({
      ok: false,
      reason: "ambiguous",
    });
  });

  it("bounds the work: a phrase too common is ambiguous, and a spent budget cuts scoring rather than guess", () => {
    const common = Array.from({ length: MAX_LOOSE_CANDIDATES + 1 }, (_, i) => `Stoltenberg met Yoon, day ${i}.`).join("\n");
    expect(placeQuoteLoosely(common, { exact: "Stoltenberg  met Yoon", prefix: "", suffix: ", day 7." })).toMatchObject({
      ok: false,
      reason: "ambiguous",
    });
    const spent = { remainingMs: () => 0, spent: () => true };
    const q = { exact: "Stoltenberg met Yoon", prefix: "Latter, ", suffix: " agian in" };
    expect(placeQuoteLoosely(TEXT, q, new OffsetIndex(TEXT), looseView(TEXT), spent)).toEqual({ ok: false, reason: "cut", matches: 3 });
    // A context that fits exactly (whitespace aside) needs no scoring, so no budget.
    expect(placeQuoteLoosely(TEXT, { ...q, prefix: "Later,\n", suffix: "" }, new OffsetIndex(TEXT), looseView(TEXT), spent)).toMatchObject({
      ok: true,
      how: "context",
    });
  });

  it("does not place edited words or blank quotes", () => {
    expect(placeQuoteLoosely(TEXT, { exact: "NATO has 31 members" })).toEqual({ ok: false, reason: "quote-not-found", matches: 0 });
    expect(placeQuoteLoosely(TEXT, { exact: " \n " })).toMatchObject({ ok: false, reason: "empty-quote" });
  });

  it("maps stripped units back to the text", () => {
    const v = looseView("a b\n\nc");
    expect(v.stripped).toBe("abc");
    expect([...v.at]).toEqual([0, 2, 5]);
  });
});
