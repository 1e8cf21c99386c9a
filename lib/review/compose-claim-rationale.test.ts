import { describe, expect, it } from "vitest";
import { adjudicatorNoteOf, composeClaimRationale } from "./compose-claim-rationale";
import { richTextToPlain, sanitizeRichText } from "@/lib/rich-text/sanitize";

const ANN = {
  name: "Ann <Reviewer>",
  verdict: "verified" as const,
  rationaleHtml: "<p>The ministry confirmed the <strong>deal</strong>.</p>",
};
const BEN = { name: "Ben", verdict: "verified" as const, rationaleHtml: "<p>Yonhap reported it.</p>" };

describe("composeClaimRationale", () => {
  it("puts the adjudicator's note on top, then each reviewer's rationale under their name and verdict", () => {
    const html = composeClaimRationale("<p>Both spans say the same.</p>", [ANN, BEN]);
    expect(richTextToPlain(html).split("\n")).toEqual([
      "Adjudicator’s note",
      "Both spans say the same.",
      "Ann <Reviewer> (reviewer, Verified):",
      "The ministry confirmed the deal.",
      "Ben (reviewer, Verified):",
      "Yonhap reported it.",
    ]);
    // Only tags the sanitizer keeps: what is stored is what is shown.
    expect(sanitizeRichText(html)).toBe(html);
  });

  it("keeps the reviewers' words when the adjudicator wrote none, and leaves out reviewers who wrote nothing", () => {
    const html = composeClaimRationale("", [ANN, { ...BEN, rationaleHtml: "" }]);
    expect(richTextToPlain(html)).toBe("Ann <Reviewer> (reviewer, Verified):\nThe ministry confirmed the deal.");
  });

  it("is the note alone when no reviewer wrote a rationale, and empty when nobody wrote anything", () => {
    expect(composeClaimRationale("<p>Agreed.</p>", [{ ...BEN, rationaleHtml: "" }])).toBe("<p>Agreed.</p>");
    expect(composeClaimRationale("", [])).toBe("");
  });
});

describe("adjudicatorNoteOf", () => {
  it("gives back the note a composed rationale starts with, none when it has none, and any other rationale as it is", () => {
    const note = "<p>Both spans say <strong>the same</strong>.<br /></p>";
    expect(adjudicatorNoteOf(composeClaimRationale(note, [ANN, { ...BEN, verdict: "disputed" }]))).toBe(note);
    expect(adjudicatorNoteOf(composeClaimRationale("", [ANN]))).toBe("");
    expect(adjudicatorNoteOf(composeClaimRationale(note, []))).toBe(note);
    expect(adjudicatorNoteOf("<p><strong>Ann</strong> (the minister) said so.</p>")).toBe(
      "<p><strong>Ann</strong> (the minister) said so.</p>",
    );
  });
});
