/**
 * The regression corpus (tests/fixtures/reanchor/seed-cases.ts): corrections
 * of the seed articles, each claim with the state it must end in and, where
 * placed, the exact text it must cover.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPUS } from "../../tests/fixtures/reanchor/seed-cases";
import { codePointLength, sliceCodePoints } from "./offsets";
import { describeSpan } from "./selectors";
import { importArticleText } from "./strip-furniture";
import { reanchor, type AnchorInput } from "./reanchor";

const seedText = (stem: string) =>
  importArticleText(readFileSync(new URL(`../../seeds/articles/${stem}.txt`, import.meta.url), "utf8")).text;

function claimOn(text: string, id: string, phrase: string, occurrence = 0): AnchorInput {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`corpus claim ${id}: "${phrase}" #${occurrence} not in the seed`);
  const start = codePointLength(text.slice(0, at));
  const end = start + codePointLength(phrase);
  const { quote } = describeSpan(text, start, end);
  return { id, start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix };
}

describe("re-anchoring corpus (seed articles)", () => {
  for (const c of CORPUS) {
    it(c.name, () => {
      const oldText = seedText(c.seed);
      const newText = c.edit(oldText);
      expect(newText).not.toBe(oldText);
      const claims = c.claims.map((x) => claimOn(oldText, x.id, x.phrase, x.occurrence));
      const results = reanchor(oldText, newText, claims);
      // One result per claim, each expected: a claim the function dropped would otherwise pass unseen.
      expect(results.map((r) => r.id).sort()).toEqual(claims.map((x) => x.id).sort());
      expect(Object.keys(c.expect).sort()).toEqual(claims.map((x) => x.id).sort());
      for (const r of results) {
        const want = c.expect[r.id];
        expect(want, `expectation for ${r.id}`).toBeDefined();
        expect({ id: r.id, state: r.state }).toEqual({ id: r.id, state: want!.state });
        if (r.state === "orphaned") {
          const before = claims.find((x) => x.id === r.id)!;
          expect(r).toMatchObject({ start: 0, end: 0, exact: before.exact, prefix: before.prefix, suffix: before.suffix });
          continue;
        }
        // Placed: the selectors agree with the new text, and cover exactly the expected words.
        expect(sliceCodePoints(newText, r.start, r.end), r.id).toBe(want!.exact);
        expect(r.exact).toBe(want!.exact);
        expect(describeSpan(newText, r.start, r.end).quote).toMatchObject({ prefix: r.prefix, suffix: r.suffix });
        if (r.state === "drifted") expect(r.score).toBeGreaterThanOrEqual(0.8);
        else expect(r.score).toBeNull();
      }
    });
  }

  it("covers every outcome of a correction (anchored, moved, drifted, orphaned), in every seed article", () => {
    expect(new Set(CORPUS.map((c) => c.seed)).size).toBe(5);
    expect(CORPUS.flatMap((c) => Object.values(c.expect).map((e) => e.state))).toEqual(
      expect.arrayContaining(["anchored", "moved", "drifted", "orphaned"]),
    );
  });
});
