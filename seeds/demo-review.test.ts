import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { importArticleText } from "@/lib/anchoring/strip-furniture";
import { clusterAnnotations } from "@/lib/review/cluster-annotations";
import { FINISHED, WAITING, type Mark } from "./demo-review";

/** The demo marks must exist in the imported seed texts and cluster as the demo promises. */
describe("demo review seed", () => {
  const text = (stem: string) => importArticleText(readFileSync(new URL(`./articles/${stem}.txt`, import.meta.url), "utf8")).text;
  const FINISHED_TEXT = text("001_bb3c64dddcf2a7b9");
  const WAITING_TEXT = text("004_9860bfa2709a7987");

  it("finds every demo phrase in its own round's article", () => {
    expect(FINISHED.length + WAITING.length).toBeGreaterThan(10);
    for (const m of FINISHED) expect(FINISHED_TEXT, m.phrase).toContain(m.phrase);
    for (const m of WAITING) expect(WAITING_TEXT, m.phrase).toContain(m.phrase);
  });

  it("gives the waiting round an agreed, a boundary-only and a verdict-conflict cluster", () => {
    const at = (s: string) => ({ start: WAITING_TEXT.indexOf(s), end: WAITING_TEXT.indexOf(s) + s.length });
    const asInput = (m: Mark, i: number) => ({ id: String(i + 1), reviewerId: m.who, ...at(m.phrase), verdict: m.verdict });
    const kinds = clusterAnnotations(WAITING.map(asInput)).map((c) => c.kind);
    expect(kinds).toEqual(["agreed", "boundary_only", "verdict_conflict"]);
  });
});
