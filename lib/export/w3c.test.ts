import { describe, expect, it } from "vitest";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { buildW3c, buildW3cJson } from "./w3c";
import { makeReportModel } from "@/tests/fixtures/report-model";
import { checkAnnotation } from "@/tests/support/w3c-conformance";

type Annotation = Record<string, any>;
const itemsOf = (collection: Record<string, any>): Annotation[] => collection.first.items;

describe("W3C Web Annotation export", () => {
  const model = makeReportModel();
  const collection = buildW3c(model) as Record<string, any>;

  it("passes every available MUST assertion of the W3C conformance schemas, for every annotation", () => {
    const items = itemsOf(collection);
    expect(items).toHaveLength(4);
    for (const item of items) {
      const result = checkAnnotation(item);
      expect(result.failed, JSON.stringify(result.failed, null, 2)).toEqual([]);
      // 14 annotation-level MUSTs + the one available entry each of bodyMusts and targetMusts (README's worked check).
      expect(result.passed).toHaveLength(16);
      // Missing assertion files are unavailable, not passes.
      expect(result.unavailable).toHaveLength(40);
    }
  });

  it("the conformance check fails a broken annotation (so it can fail)", () => {
    const good = itemsOf(collection)[0]!;
    const noTarget = { ...good, target: undefined, "@context": "http://www.w3.org/ns/oa.jsonld" };
    delete noTarget.target;
    const failed = checkAnnotation(noTarget).failed.map((f) => f.assertion);
    expect(failed).toEqual(expect.arrayContaining(["annotations/3.1-annotationContextValidated.json", "annotations/3.1-targetKeyFound.json"]));
    expect(checkAnnotation({ ...good, created: "yesterday" }).failed.map((f) => f.assertion)).toEqual(["annotations/3.3.1-annotationCreatedValidated.json"]);
    expect(checkAnnotation({ ...good, id: "annotation 1" }).failed).toHaveLength(1);
  });

  it("assesses each claim with a verdict tag, the rationale as a comment and a link per piece of evidence", () => {
    const disputed = itemsOf(collection).find((a) => a.body[0].value === "Disputed")!;
    expect(disputed.motivation).toBe("assessing");
    expect(disputed.body.map((b: Annotation) => [b.type, b.purpose])).toEqual([
      ["TextualBody", "tagging"],
      ["TextualBody", "commenting"],
      ["SpecificResource", "linking"],
      ["SpecificResource", "linking"],
    ]);
    expect(disputed.body[1]).toMatchObject({ format: "text/html", value: "<p>Finland joined in April 2023: 31.</p>" });
    expect(disputed.body[2]).toMatchObject({ stance: "contradicts", pinpoint: "Finland became the 31st member", source: { type: "Text", title: "Finland joins NATO" } });
    // Evidence without a URL links to its page in the evidence library.
    expect(disputed.body[3].source.id).toMatch(/^http:\/\/claimdesk\.test\/evidence\//);
    const noRationale = itemsOf(collection).at(-1)!;
    expect(noRationale.body.map((b: Annotation) => b.purpose)).toEqual(["tagging"]);
  });

  it("targets the article with quote and position selectors in code points, and a TimeState for the version", () => {
    const text = "Emoji 𝕏 first.\nThen “café” claims 𝕏 here.";
    const m = makeReportModel({ text, claims: [{ exact: "“café” claims", verdict: "verified" }] });
    const [a] = itemsOf(buildW3c(m) as Record<string, any>);
    const [quote, position] = a!.target.selector;
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: "“café” claims", prefix: "Emoji 𝕏 first.\nThen ", suffix: " 𝕏 here." });
    // "Emoji 𝕏 first.\nThen " is 20 code points (21 UTF-16 units).
    expect(position).toEqual({ type: "TextPositionSelector", start: 20, end: 33 });
    expect([...text].slice(position.start, position.end).join("")).toBe(quote.exact);
    expect(a!.target.source).toBe(m.article.url);
    expect(a!.target.state).toEqual({ type: "TimeState", sourceDate: m.version.createdAt, cached: "http://claimdesk.test/api/articles/article-1/versions/1" });
  });

  it("uses the version's text as the source when the article has no URL", () => {
    const m = makeReportModel({ over: { article: { ...makeReportModel().article, url: "javascript:alert(1)" } } });
    const [a] = itemsOf(buildW3c(m) as Record<string, any>);
    expect(a!.target.source).toBe(a!.target.state.cached);
  });

  it("is a JSON-LD AnnotationCollection whose ids are IRIs", () => {
    const parsed = JSON.parse(buildW3cJson(model));
    expect(parsed.type).toBe("AnnotationCollection");
    expect(parsed["@context"][0]).toBe("http://www.w3.org/ns/anno.jsonld");
    expect(parsed.total).toBe(4);
    expect(parsed.first).toMatchObject({ type: "AnnotationPage", startIndex: 0, partOf: parsed.id });
    const ajv = new Ajv();
    addFormats(ajv);
    const iri = ajv.compile({ type: "string", format: "uri" });
    const ids = [parsed.id, parsed.first.id, ...parsed.first.items.flatMap((a: Annotation) => [a.id, a.creator.id, ...a.body.filter((b: Annotation) => b.source).map((b: Annotation) => b.source.id)])];
    for (const id of ids) expect(iri(id), id).toBe(true);
    expect(new Set(parsed.first.items.map((a: Annotation) => a.id)).size).toBe(4);
  });

  it("leaves out the page of an empty collection", () => {
    const empty = buildW3c(makeReportModel({ claims: [] }));
    expect(empty).toMatchObject({ type: "AnnotationCollection", total: 0 });
    expect(empty).not.toHaveProperty("first");
  });
});
