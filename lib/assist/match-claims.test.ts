import { describe, expect, it } from "vitest";
import { analyzeText } from "./analyze-text";
import { statsOf } from "./bm25";
import { matchClaim, signatureOf, signatureOfSpan } from "./match-claims";

/**
 * Held-out-style articles, written for this test (not the seeds): three
 * outlets on a port strike and a fourth on something else, with the traps of
 * a different speaker, a request against a statement, and an
 * earlier statement by someone else.
 */
const ARTICLES = {
  a: [
    "Dock workers in Rotterdam walked out on Tuesday, halting about 12,000 containers a day, union leader Marta Vos said.",
    "Transport Minister Pieter Laan urged the union to return to talks before the holidays.",
    "Dutch law requires a cooling-off period of ten days before a strike in a port, the ministry said.",
  ].join("\n"),
  b: [
    "A strike by port workers in Rotterdam stopped roughly 12,000 containers daily, according to Marta Vos of the dockers' union.",
    "Laan called on the union to resume negotiations quickly.",
    "Last year, the employers' federation said the port could not afford higher wages.",
  ].join("\n"),
  c: [
    "The Rotterdam dock strike began Tuesday; Vos said 12,000 containers a day were stuck.",
    "In 2019, union leader Jan Smit said a strike would halt 5,000 containers a day.",
  ].join("\n"),
  d: ["The city council approved a new cycling bridge over the river on Tuesday.", "It will cost 40 million euros, the mayor said."].join(
    "\n",
  ),
};

const analysed = Object.fromEntries(Object.entries(ARTICLES).map(([k, text]) => [k, analyzeText(text)]));
const all = Object.values(analysed).flat();
const stats = statsOf(all.map((s) => signatureOf(s).terms));
const sig = (article: keyof typeof ARTICLES, i: number) => signatureOf(analysed[article]![i]!);

describe("the same claim across outlets", () => {
  it("matches the same statement by the same speaker in other words, with reasons", () => {
    const m = matchClaim(stats, sig("a", 0), sig("b", 0));
    expect(m.level).not.toBeNull();
    expect(m.reasons.join(" | ")).toMatch(/Same speaker: Marta Vos/);
    expect(m.reasons.join(" | ")).toMatch(/Same numbers: 12000/);
    expect(matchClaim(stats, sig("a", 0), sig("c", 0)).level).not.toBeNull();
  });

  it("matches a request to a request by the same person", () => {
    expect(matchClaim(stats, sig("a", 1), sig("b", 1)).level).not.toBeNull();
  });

  it("does not match a different speaker's earlier statement with other numbers", () => {
    const m = matchClaim(stats, sig("a", 0), sig("c", 1));
    expect(m.level).toBeNull();
    expect(m.reasons.join(" | ")).toMatch(/Different speaker|another time|Different numbers/);
  });

  it("does not match a request against a statement of the law", () => {
    const m = matchClaim(stats, sig("a", 1), sig("a", 2));
    expect(m.level).toBeNull();
    expect(m.reasons.join(" | ")).toMatch(/asks for something/);
  });

  it("does not match an unrelated article", () => {
    for (const s of analysed.d!) expect(matchClaim(stats, sig("a", 0), signatureOf(s)).level).toBeNull();
  });

  it("builds a claim's signature from the sentence under its span", () => {
    const text = ARTICLES.a;
    const start = [...text].join("").indexOf("halting");
    const s = signatureOfSpan(analysed.a!, start, start + 20);
    expect(s?.speakers.map((x) => x.name)).toEqual(["Marta Vos"]);
  });
});
