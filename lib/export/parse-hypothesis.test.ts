import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { hypothesisAnnotationsIn, isHypothesisAnnotation, markdownToHtml, parseHypothesisAnnotation } from "./parse-hypothesis";
import { isProblem, type ImportProblem, type ParsedAnnotation } from "./parse-w3c";
import { resolveTagMap } from "@/lib/schemas/tag-map";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";

/** A search response (GET /api/search) written from Hypothesis's documented annotation shape; see tests/fixtures/import. */
const search = JSON.parse(readFileSync("tests/fixtures/import/hypothesis-search.json", "utf8")) as {
  total: number;
  rows: Record<string, unknown>[];
};
const [cross, repeated, teamTag, syndicated, xpathOnly, pageNote, unmapped, conflicting, reply, edited] = search.rows as [
  Record<string, unknown>,
  ...Record<string, unknown>[],
];
const defaults = resolveTagMap({});
const team = resolveTagMap({ Pinocchio: "unsourced", nato: "verified" });
const parse = (raw: unknown, map = defaults) => parseHypothesisAnnotation(raw, 0, map);
const ok = (p: ParsedAnnotation | ImportProblem) => {
  if (isProblem(p)) throw new Error(`${p.reason}: ${p.message}`);
  return p;
};
const problem = (p: ParsedAnnotation | ImportProblem) => {
  if (!isProblem(p)) throw new Error(`placed: ${p.exact}`);
  return p;
};

describe("reading Hypothesis API JSON", () => {
  it("accepts a search response, the client's export, an array of annotations and one annotation", () => {
    expect(hypothesisAnnotationsIn(search)).toEqual({ items: search.rows });
    expect(
      hypothesisAnnotationsIn({ export_date: "2026-11-20T10:00:00.000Z", export_userid: "acct:ana@hypothes.is", annotations: [cross] }),
    ).toEqual({
      items: [cross],
    });
    expect(hypothesisAnnotationsIn([cross, repeated])).toEqual({ items: [cross, repeated] });
    expect(hypothesisAnnotationsIn(cross)).toEqual({ items: [cross] });
    expect(hypothesisAnnotationsIn({ total: 1, rows: "nope" })).toEqual({ field: "rows" });
    expect(hypothesisAnnotationsIn({ annotations: {} })).toEqual({ field: "annotations" });
    expect(hypothesisAnnotationsIn({ hello: "world" })).toBeNull();
    expect(hypothesisAnnotationsIn("text")).toBeNull();
    // A W3C annotation is not read as Hypothesis's, even with a `user`-like field.
    expect(isHypothesisAnnotation({ type: "Annotation", target: [], text: "x" })).toBe(false);
    expect(isHypothesisAnnotation(cross)).toBe(true);
  });

  it("reads the quote with the page's whitespace, the position as a UTF-16 hint, the verdict and the Markdown", () => {
    expect(ok(parse(cross))).toEqual({
      index: 0,
      id: "Kq1Vw2aXEe-ab3cRgkP0fA",
      exact: "said of Stoltenberg’s visit.\n\n      NATO has 30 members",
      prefix: "“It’s historic,” the café owner ",
      suffix: ". Stoltenberg met Yoon in Seoul.",
      hintUtf16: 98,
      verdict: "disputed",
      rationaleHtml:
        '<p><strong>Out of date.</strong> NATO has had 32 members since Sweden joined in March 2024.<br>\nSee the <a href="https://www.nato.int/cps/en/natohq/topics_52044.htm">member list</a>.</p>\n',
      evidence: [],
    });
  });

  it("maps tags through the defaults and the team's mapping, which wins", () => {
    expect(ok(parse(repeated)).verdict).toBe("verified"); // "Mostly-True"
    expect(problem(parse(teamTag)).reason).toBe("no-verdict");
    expect(ok(parse(teamTag, team)).verdict).toBe("unsourced"); // "Pinocchio" only in the team's mapping
    // "nato" mapped by the team to verified now conflicts with "False".
    expect(problem(parse(cross, team))).toMatchObject({ reason: "conflicting-verdicts" });
  });

  it("names the tags it saw when none maps to a verdict, and the verdicts when they conflict", () => {
    expect(problem(parse(unmapped))).toMatchObject({
      reason: "no-verdict",
      message: 'None of the annotation\'s tags maps to a verdict (tags: "politics", "korea"). Map them in the team settings.',
    });
    expect(problem(parse({ ...unmapped, tags: [] })).message).toMatch(/has no tags/);
    expect(problem(parse(conflicting))).toMatchObject({
      reason: "conflicting-verdicts",
      message: 'The annotation\'s tags map to different verdicts ("true" → verified; "Misleading" → disputed).',
    });
  });

  it("keeps raw HTML in a comment as text: no script, image or javascript: link survives, before or after the sanitizer", () => {
    const html = ok(parse(repeated)).rationaleHtml;
    expect(html).toBe(
      "<p>Confirmed by the <em>Korea Herald</em>.&lt;script&gt;alert(1)&lt;/script&gt;</p>\n<p>&lt;img src=x onerror=alert(2)&gt; [x](javascript:alert(3))</p>\n",
    );
    const stored = sanitizeRichText(html);
    // No element but the rationale editor's: the payloads are only visible text.
    expect(stored.match(/<[a-z]+/gi)).toEqual(["<p", "<em", "<p"]);
    expect(stored).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // Headings (which rationales do not have) become bold paragraphs; an image stays a link to it.
    expect(markdownToHtml("# Verdict\n![chart](https://x.example/c.png)")).toBe(
      '<p><strong>Verdict</strong></p>\n<p>!<a href="https://x.example/c.png">chart</a></p>\n',
    );
  });

  it("says plainly why XPath-only annotations, page notes and replies cannot be placed", () => {
    expect(problem(parse(xpathOnly))).toMatchObject({ reason: "no-quote", id: "Ou5Za6e1Ee-ij7gVkoT4jE" });
    expect(problem(parse(xpathOnly)).message).toContain(
      "an XPath range points into Hypothesis's view of the page's HTML, which Claimdesk's article text does not have, so it cannot be placed",
    );
    expect(problem(parse(pageNote))).toMatchObject({ reason: "no-text-target" });
    expect(problem(parse(pageNote)).message).toContain("page note: it annotates the whole page");
    expect(problem(parse(reply)).message).toContain("reply in a Hypothesis thread");
    expect(problem(parse({ hello: "world" })).reason).toBe("not-an-annotation");
  });

  it("keeps a drift or orphan mark the input carries", () => {
    expect(ok(parse({ ...syndicated, anchorState: "drifted" })).anchorState).toBe("drifted");
    expect(ok(parse({ ...edited, $orphan: true })).anchorState).toBe("orphaned");
    expect(ok(parse(edited)).anchorState).toBeUndefined();
  });
});
