import { describe, expect, it } from "vitest";
import type { RelatedClaimDto } from "@/lib/schemas/assist";
import { previouslyChecked } from "./previously-checked";

const row = (start: number, level: RelatedClaimDto["level"], claim?: "final" | "annotation"): RelatedClaimDto => ({
  articleId: `a${start}`,
  articleTitle: null,
  outlet: null,
  start,
  end: start + 10,
  text: "A sentence.",
  score: level === "strong" ? 0.6 : 0.4,
  level,
  reasons: [],
  speaker: null,
  ...(claim
    ? {
        claim: {
          kind: claim,
          source: { kind: "annotation", id: `c${start}` },
          verdict: "disputed",
          rationaleHtml: "",
          speaker: null,
          author: null,
          date: "2023-01-30",
          evidence: [],
        },
      }
    : {}),
});

describe("previouslyChecked", () => {
  it("never offers the verdict of a merely similar sentence", () => {
    expect(previouslyChecked([row(1, "suggest", "final"), row(2, "suggest", "annotation"), row(3, "strong")])).toBeUndefined();
  });

  it("offers a strong match's checked claim, the desk's final claim before a colleague's", () => {
    expect(previouslyChecked([row(1, "suggest", "final"), row(2, "strong", "annotation")])?.start).toBe(2);
    expect(previouslyChecked([row(2, "strong", "annotation"), row(3, "strong", "final")])?.start).toBe(3);
  });
});
