import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Ajv from "ajv";
import AjvDraft04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { buildW3c, buildW3cJson } from "./w3c";
import { makeReportModel } from "@/tests/fixtures/report-model";
import { checkAnnotation, checkAnnotationShoulds } from "@/tests/support/w3c-conformance";

/** The SHOULD assertions the fixture holds (tests/fixtures/w3c-annotation-model/optional), in the order the test files list them. */
const SHOULDS = [
  "annotationAgentOptionals.test: annotations/3.3.2-annotationCreatorAgentIdImplemented.json",
  "annotationAgentOptionals.test: annotations/3.3.2-annotationGeneratorAgentIdImplemented.json",
  "annotationAgentOptionals.test: annotations/3.3.2-annotationCreatorAgentTypeImplemented.json",
  "annotationAgentOptionals.test: annotations/3.3.2-annotationGeneratorAgentTypeImplemented.json",
  "annotationAgentOptionals.test: annotations/3.3.2-annotationCreatorAgentNicknameImplemented.json",
  "annotationAgentOptionals.test: annotations/3.3.2-annotationGeneratorAgentNicknameImplemented.json",
  "annotationAgentOptionals.test: annotations/3.3.2-annotationCreatorAgentSingleNameImplemented.json",
  "annotationAgentOptionals.test: annotations/3.3.2-annotationGeneratorAgentSingleNameImplemented.json",
  "annotationOptionals.test: annotations/3.1-bodyKeyFound.json",
  "annotationOptionals.test: annotations/3.3.1-singleAnnotationCreatorImplemented.json",
  "annotationOptionals.test: annotations/3.3.5-annotationSingleMotivationImplemented.json",
  "bodyOptionals.test: bodiesTargets/3.2.1-bodySingleFormat.json",
  "bodyOptionals.test: bodiesTargets/3.2.1-bodySingleLanguage.json",
  "bodyOptionals.test: bodiesTargets/3.3.1-bodySingleCreator.json",
  "bodyOptionals.test: bodiesTargets/3.3.1-bodyCreated.json",
  "bodyOptionals.test: bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
  "bodyTargAgentOptionals.test: bodiesTargets/3.3.2-bodyCreatorAgentIdImplemented.json",
  "bodyTargAgentOptionals.test: bodiesTargets/3.3.2-bodyCreatorAgentTypeImplemented.json",
  "bodyTargAgentOptionals.test: bodiesTargets/3.3.2-bodyCreatorAgentNicknameImplemented.json",
  "bodyTargAgentOptionals.test: bodiesTargets/3.3.2-bodyCreatorAgentSingleNameImplemented.json",
  "targetOptionals.test: bodiesTargets/3.2.1-targSingleFormat.json",
  "targetOptionals.test: bodiesTargets/3.2.1-targSingleLanguage.json",
];

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
    expect(failed).toEqual(
      expect.arrayContaining(["annotations/3.1-annotationContextValidated.json", "annotations/3.1-targetKeyFound.json"]),
    );
    expect(checkAnnotation({ ...good, created: "yesterday" }).failed.map((f) => f.assertion)).toEqual([
      "annotations/3.3.1-annotationCreatedValidated.json",
    ]);
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
    expect(disputed.body[2]).toMatchObject({
      stance: "contradicts",
      pinpoint: "Finland became the 31st member",
      source: { type: "Text", title: "Finland joins NATO" },
    });
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
    // Beside the code points, the UTF-16 positions JavaScript consumers count in (the 𝕏 before the claim is two units).
    expect(position).toEqual({ type: "TextPositionSelector", start: 20, end: 33, utf16Start: 21, utf16End: 34 });
    expect([...text].slice(position.start, position.end).join("")).toBe(quote.exact);
    expect(text.slice(position.utf16Start, position.utf16End)).toBe(quote.exact);
    expect(a!.target.source).toEqual({ id: m.article.url, type: "Text", format: "text/html", language: "en" });
    expect(a!.target.state).toEqual({
      type: "TimeState",
      sourceDate: m.version.createdAt,
      cached: "http://claimdesk.test/api/articles/article-1/versions/1",
    });
  });

  it("uses the version's text as the source when the article has no URL", () => {
    const m = makeReportModel({ over: { article: { ...makeReportModel().article, url: "javascript:alert(1)" } } });
    const [a] = itemsOf(buildW3c(m) as Record<string, any>);
    expect(a!.target.source).toEqual({ id: a!.target.state.cached, type: "Text", format: "text/plain", language: "en" });
  });

  it("points at the public copies of a published article: the page's text at its version URL", () => {
    const base = makeReportModel({ over: { article: { ...makeReportModel().article, url: null } } });
    const m = {
      ...base,
      publication: {
        url: "http://claimdesk.test/f/desk/visit",
        publishedAt: "2026-12-01T00:00:00.000Z",
        changedAt: "2026-12-01T00:00:00.000Z",
        texts: { 1: "http://claimdesk.test/f/desk/visit/text/1" },
      },
    };
    const [a] = itemsOf(buildW3c(m) as Record<string, any>);
    expect(a!.target.state.cached).toBe("http://claimdesk.test/f/desk/visit/text/1");
    expect(a!.target.source.id).toBe("http://claimdesk.test/f/desk/visit/text/1");
  });

  it("keeps prefix and suffix within 32 UTF-16 units, never half a character", () => {
    const text = `${"𝕏".repeat(40)} the claim ${"😀".repeat(40)}`;
    const m = makeReportModel({ text, claims: [{ exact: "the claim", verdict: "verified" }] });
    const [quote, position] = itemsOf(buildW3c(m) as Record<string, any>)[0]!.target.selector;
    for (const s of [quote.prefix, quote.suffix]) {
      expect(s.length).toBeLessThanOrEqual(32);
      expect(s.isWellFormed()).toBe(true);
    }
    expect(text.slice(position.utf16Start - quote.prefix.length, position.utf16End + quote.suffix.length)).toBe(
      `${quote.prefix}${quote.exact}${quote.suffix}`,
    );
  });

  it("passes every available SHOULD assertion of the W3C conformance schemas, for every annotation", () => {
    const items = itemsOf(collection);
    for (const item of items) {
      const result = checkAnnotationShoulds(item);
      expect(result.failed, JSON.stringify(result.failed, null, 2)).toEqual([]);
      expect(result.passed).toEqual(SHOULDS);
    }
  });

  it("the SHOULD check fails what the export used to leave out (so it can fail)", () => {
    const good = itemsOf(collection)[0]!;
    const failed = (a: Annotation) => checkAnnotationShoulds(a).failed.map((f) => f.assertion.replace(/^.*\//, ""));
    const { nickname: _n, ...creator } = good.creator;
    expect(failed({ ...good, creator })).toEqual(["3.3.2-annotationCreatorAgentNicknameImplemented.json"]);
    expect(failed({ ...good, generator: { id: "http://claimdesk.test/", type: "Software", name: "Claimdesk" } })).toEqual([
      "3.3.2-annotationGeneratorAgentNicknameImplemented.json",
    ]);
    const bare = good.body.map(({ creator: _c, created: _d, ...b }: Annotation) => b);
    expect(failed({ ...good, body: bare })).toEqual(
      expect.arrayContaining(["3.3.1-bodySingleCreator.json", "3.3.1-bodyCreated.json", "3.3.2-bodyCreatorAgentIdImplemented.json"]),
    );
    expect(failed({ ...good, target: { ...good.target, source: good.target.source.id } })).toEqual([
      "3.2.1-targSingleFormat.json",
      "3.2.1-targSingleLanguage.json",
    ]);
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
    const ids = [
      parsed.id,
      parsed.first.id,
      ...parsed.first.items.flatMap((a: Annotation) => [
        a.id,
        a.creator.id,
        ...a.body.filter((b: Annotation) => b.source).map((b: Annotation) => b.source.id),
      ]),
    ];
    for (const id of ids) expect(iri(id), id).toBe(true);
    expect(new Set(parsed.first.items.map((a: Annotation) => a.id)).size).toBe(4);
  });

  it("leaves out the page of an empty collection", () => {
    const empty = buildW3c(makeReportModel({ claims: [] }));
    expect(empty).toMatchObject({ type: "AnnotationCollection", total: 0 });
    expect(empty).not.toHaveProperty("first");
  });
});

/**
 * The fixture lacks the assertion files for selectors, states and
 * collections (its README says which), so these compile the definitions
 * those files are built on, from the fixture's definitions/, set up as the
 * README says. Each "…ValidIfPresent" definition passes vacuously when its
 * type is absent, so the tests also require the matching "…Detected" one
 * and apply selector checks to the selectors, not to the target around them.
 */
describe("W3C definitions for selectors, TimeState and the collection (MUST)", () => {
  const DEFINITIONS = path.join(import.meta.dirname, "..", "..", "tests", "fixtures", "w3c-annotation-model", "definitions");
  const ajv = new AjvDraft04({ allErrors: true, strict: false, validateSchema: false });
  addFormats(ajv);
  for (const file of readdirSync(DEFINITIONS)
    .filter((f) => f.endsWith(".json"))
    .sort())
    ajv.addSchema(JSON.parse(readFileSync(path.join(DEFINITIONS, file), "utf8")));
  /** The definitions of `file` that reject `value` (an empty list when all accept it). */
  const failing = (file: string, names: string[], value: unknown) =>
    names.filter((name) => {
      const validate = ajv.getSchema(`${file}#/definitions/${name}`);
      if (!validate) throw new Error(`${file} has no definition ${name}`);
      return !validate(value);
    });

  const SELECTOR_MUSTS = ["textQuoteSelectorTypeValidIfPresent", "textPositionSelectorTypeValidIfPresent"];
  const TARGET_MUSTS = ["selectorDefined", "stateDefined"];
  const COLLECTION_MUSTS = [
    "annotationCollectionTypeValueFound",
    "labelFound",
    "totalFound",
    "firstRequiredIfTotalMoreThanZero",
    "firstValidIfPresent",
    "lastValidIfPresent",
  ];
  const PAGE_MUSTS = [
    "annotationPageTypeValueFound",
    "partOfFound",
    "startIndexFound",
    "itemsFound",
    "nextValidIfPresent",
    "prevValidIfPresent",
  ];

  const collection = buildW3c(makeReportModel()) as Record<string, any>;
  const targets = itemsOf(collection).map((a) => a.target);

  it("every target's selectors and TimeState meet the specificResource.json definitions", () => {
    expect(targets).toHaveLength(4);
    for (const target of targets) {
      expect(failing("specificResource.json", TARGET_MUSTS, target)).toEqual([]);
      const [quote, position] = target.selector;
      for (const selector of target.selector)
        expect(failing("specificResource.json", SELECTOR_MUSTS, selector), JSON.stringify(selector)).toEqual([]);
      // Not vacuous: each selector is detected as what it says it is.
      expect(failing("specificResource.json", ["textQuoteSelectorDetected", "prefixPropertyFound", "suffixPropertyFound"], quote)).toEqual(
        [],
      );
      expect(failing("specificResource.json", ["textPositionSelectorDetected"], position)).toEqual([]);
      expect(
        failing("specificResource.json", ["timeStateTypeValidIfPresent", "timeStateDetected", "cachedPropertyFound"], target.state),
      ).toEqual([]);
    }
    // As the items of a list or composite target would be checked.
    expect(failing("specificResource.json", ["itemSelectorValidIfPresent", "itemStateValidIfPresent"], { items: targets })).toEqual([]);
  });

  it("the collection and its page meet the collections.json definitions, empty or not", () => {
    expect(failing("collections.json", COLLECTION_MUSTS, collection)).toEqual([]);
    expect(failing("collections.json", ["contextValueInArrayFound"], collection["@context"])).toEqual([]);
    expect(failing("collections.json", PAGE_MUSTS, collection.first)).toEqual([]);
    const empty = buildW3c(makeReportModel({ claims: [] }));
    expect(failing("collections.json", COLLECTION_MUSTS, empty)).toEqual([]);
  });

  it("fails a broken selector, TimeState, collection and page (so the checks can fail)", () => {
    const [quote, position] = targets[0].selector;
    expect(failing("specificResource.json", SELECTOR_MUSTS, { ...quote, exact: undefined })).toEqual([
      "textQuoteSelectorTypeValidIfPresent",
    ]);
    expect(failing("specificResource.json", SELECTOR_MUSTS, { ...quote, exact: 42 })).toEqual(["textQuoteSelectorTypeValidIfPresent"]);
    expect(failing("specificResource.json", SELECTOR_MUSTS, { ...position, start: -1 })).toEqual([
      "textPositionSelectorTypeValidIfPresent",
    ]);
    expect(failing("specificResource.json", SELECTOR_MUSTS, { type: "TextPositionSelector", start: "0", end: 3 })).toEqual([
      "textPositionSelectorTypeValidIfPresent",
    ]);
    const brokenTarget = { ...targets[0], selector: [{ type: "TextQuoteSelector", prefix: "no exact" }] };
    expect(failing("specificResource.json", TARGET_MUSTS, brokenTarget)).toEqual(["selectorDefined"]);
    expect(failing("specificResource.json", ["itemSelectorValidIfPresent"], { items: [...targets, brokenTarget] })).toEqual([
      "itemSelectorValidIfPresent",
    ]);
    const state = targets[0].state;
    expect(failing("specificResource.json", ["timeStateTypeValidIfPresent"], { ...state, sourceDate: "yesterday" })).toEqual([
      "timeStateTypeValidIfPresent",
    ]);
    expect(failing("specificResource.json", ["timeStateTypeValidIfPresent"], { type: "TimeState", cached: state.cached })).toEqual([
      "timeStateTypeValidIfPresent",
    ]);
    const { first: _first, ...noFirst } = collection;
    expect(failing("collections.json", COLLECTION_MUSTS, noFirst)).toEqual(["firstRequiredIfTotalMoreThanZero"]);
    expect(failing("collections.json", COLLECTION_MUSTS, { ...collection, type: "Collection", label: 7, total: -1 })).toEqual(
      expect.arrayContaining(["annotationCollectionTypeValueFound", "labelFound", "totalFound"]),
    );
    const { partOf: _partOf, ...orphanPage } = collection.first;
    expect(failing("collections.json", PAGE_MUSTS, { ...orphanPage, startIndex: -1, items: [{ type: "Note" }] })).toEqual([
      "partOfFound",
      "startIndexFound",
      "itemsFound",
    ]);
  });
});
