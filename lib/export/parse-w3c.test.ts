import { describe, expect, it } from "vitest";
import { annotationsIn, isProblem, parseAnnotation } from "./parse-w3c";
import { resolveTagMap } from "@/lib/schemas/tag-map";
import type { Verdict } from "@/lib/schemas/claim";
import { buildW3c } from "./w3c";
import { makeReportModel } from "@/tests/fixtures/report-model";

const target = {
  source: "https://news.example/a",
  selector: [
    { type: "TextQuoteSelector", exact: "met Yoon", prefix: "Stoltenberg ", suffix: " in" },
    { type: "TextPositionSelector", start: 12, end: 20 },
  ],
};
const annotation = (over: Record<string, unknown> = {}) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  id: "https://other.tool/a/1",
  type: "Annotation",
  body: [{ type: "TextualBody", purpose: "tagging", value: "disputed" }],
  target,
  ...over,
});

describe("reading W3C annotations", () => {
  it("accepts an Annotation, an array, a page and a collection with embedded pages", () => {
    const a = annotation();
    expect(annotationsIn(a)).toEqual([a]);
    expect(annotationsIn([a, a])).toHaveLength(2);
    expect(annotationsIn({ type: "AnnotationPage", items: [a] })).toHaveLength(1);
    expect(
      annotationsIn({
        type: "AnnotationCollection",
        first: { type: "AnnotationPage", items: [a], next: { type: "AnnotationPage", items: [a, a] } },
      }),
    ).toHaveLength(3);
    expect(annotationsIn(buildW3c(makeReportModel()))).toHaveLength(4);
    expect(annotationsIn({ type: "AnnotationCollection", first: "https://x/page1" })).toBeNull();
    expect(annotationsIn({ hello: "world" })).toBeNull();
    expect(annotationsIn("text")).toBeNull();
  });

  it("reads quote, position, verdict, rationale and evidence", () => {
    const parsed = parseAnnotation(
      annotation({
        body: [
          { type: "TextualBody", purpose: "tagging", value: "Disputed" },
          { type: "TextualBody", purpose: "tagging", value: "politics" },
          { type: "TextualBody", purpose: "commenting", value: "Wrong <b>date</b>\n\nSee below", format: "text/plain" },
          {
            type: "SpecificResource",
            purpose: "linking",
            source: { id: "https://nato.int/x", type: "Text", title: "Press release" },
            stance: "contradicts",
            pinpoint: "para 2",
          },
          { type: "SpecificResource", purpose: "linking", source: "javascript:alert(1)" },
        ],
      }),
      3,
    );
    expect(parsed).toEqual({
      index: 3,
      id: "https://other.tool/a/1",
      exact: "met Yoon",
      prefix: "Stoltenberg ",
      suffix: " in",
      start: 12,
      end: 20,
      verdict: "disputed",
      rationaleHtml: "<p>Wrong &lt;b&gt;date&lt;/b&gt;</p><p>See below</p>",
      evidence: [{ url: "https://nato.int/x", title: "Press release", stance: "contradicts", pinpoint: "para 2" }],
    });
  });

  it("says why an annotation cannot be imported", () => {
    const reason = (raw: unknown) => {
      const p = parseAnnotation(raw, 0);
      return isProblem(p) ? p.reason : "ok";
    };
    expect(reason({ type: "Note" })).toBe("not-an-annotation");
    expect(reason(annotation({ target: "https://news.example/a" }))).toBe("no-text-target");
    expect(reason(annotation({ target: { source: "x", selector: { type: "TextPositionSelector", start: 1, end: 2 } } }))).toBe("no-quote");
    expect(reason(annotation({ body: { type: "TextualBody", purpose: "commenting", value: "hm" } }))).toBe("no-verdict");
    expect(
      reason(
        annotation({
          body: [
            { purpose: "tagging", value: "verified" },
            { purpose: "tagging", value: "unsourced" },
          ],
        }),
      ),
    ).toBe("conflicting-verdicts");
    expect(reason(annotation({ bodyValue: "plain comment", body: undefined, motivation: "commenting" }))).toBe("no-verdict");
  });

  it("reads tags through the team's mapping when given, and keeps a drift mark", () => {
    const tagged = (value: string) => annotation({ body: [{ type: "TextualBody", purpose: "tagging", value }] });
    const verdict = (raw: unknown, map?: ReadonlyMap<string, Verdict>) => {
      const p = parseAnnotation(raw, 0, map);
      return isProblem(p) ? p.reason : p.verdict;
    };
    expect(verdict(tagged("False"))).toBe("no-verdict");
    expect(verdict(tagged("False"), resolveTagMap({}))).toBe("disputed");
    expect(verdict(tagged("Four Pinocchios"), resolveTagMap({ "four pinocchios": "disputed" }))).toBe("disputed");
    expect(verdict(tagged("Disputed"), resolveTagMap({}))).toBe("disputed");
    const drifted = parseAnnotation(annotation({ anchorState: "drifted" }), 0);
    expect(!isProblem(drifted) && drifted.anchorState).toBe("drifted");
    const plain = parseAnnotation(annotation({ anchorState: "moved" }), 0);
    expect(!isProblem(plain) && plain.anchorState).toBeUndefined();
  });
});
