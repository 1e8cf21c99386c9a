/**
 * W3C Web Annotation JSON-LD: an AnnotationCollection with one embedded
 * AnnotationPage holding one Annotation per final claim.
 *
 * - motivation `assessing`;
 * - bodies: a `tagging` TextualBody with the verdict label, a `commenting`
 *   TextualBody with the rationale (HTML), and a `linking` SpecificResource
 *   for each piece of evidence;
 * - target: a SpecificResource whose source is the article (its URL or, when
 *   it has none, the URL of the version's text, with the `format` and
 *   `language` the model recommends), with a TextQuoteSelector, a
 *   TextPositionSelector (Unicode code points, as the model says) and a
 *   TimeState naming the version: `sourceDate` is when the version's text was
 *   captured and `cached` the URL of that exact text, which the offsets count
 *   in. For a published article both are the public copy
 *   (/f/{team}/{article}/text/{n}), which answers without signing in.
 *
 * The SHOULDs of the model (the web-platform-tests optional assertions,
 * tests/fixtures/w3c-annotation-model/optional): creator and generator with
 * `type`, `name` and `nickname`; every body with its `creator` and
 * `created`, the textual ones with `format` and `language`.
 *
 * Positions for consumers that count UTF-16 units (JavaScript, the DOM):
 * each TextPositionSelector also carries `utf16Start` and `utf16End`
 * (extension terms, cd:utf16Start/cd:utf16End), which differ from `start`
 * and `end` once a character outside the BMP precedes the claim. Prefix and
 * suffix hold at most 32 UTF-16 units, never half a surrogate pair, so
 * libraries that cap context at 32 units take them whole.
 *
 * Every annotation carries the @context too, so each stands alone when
 * copied out of the collection. A few terms extend the W3C context: `stance`
 * and `pinpoint` on evidence, `title` (Dublin Core) on evidence sources,
 * `utf16Start`/`utf16End` on positions, and `anchorState` on an annotation a
 * correction changed after the check.
 *
 * Claims a correction changed stay in the export, marked, because Web
 * Annotation clients already know both cases: a drifted claim's selectors
 * select the corrected words (`anchorState: "drifted"`: the verdict was
 * given on the earlier wording), and an orphan keeps only the
 * TextQuoteSelector of the words as checked, with no position, which
 * clients such as Hypothesis list as an orphan (`anchorState: "orphaned"`)
 * and the importer reports as not found rather than placing it anywhere.
 */
import { OffsetIndex, headUtf16, tailUtf16 } from "@/lib/anchoring/offsets";
import type { ReportClaim, ReportEvidence, ReportModel, ReportPerson } from "./report-model";
import { isWebUrl, reportTitle, reportUrl, versionTextUrl } from "./report-model";
import { VERDICT_LABELS, isPlaced, needsReReview } from "./report-text";

/** The namespace of Claimdesk's few extension terms (a URN: nothing pretends to resolve). */
export const CLAIMDESK_VOCAB = "urn:claimdesk:vocab:";

export const W3C_CONTEXT = [
  "http://www.w3.org/ns/anno.jsonld",
  {
    cd: CLAIMDESK_VOCAB,
    dcterms: "http://purl.org/dc/terms/",
    stance: "cd:stance",
    pinpoint: "cd:pinpoint",
    title: "dcterms:title",
    anchorState: "cd:anchorState",
    utf16Start: "cd:utf16Start",
    utf16End: "cd:utf16End",
  },
] as const;

/** The media type of Web Annotation JSON-LD (Web Annotation Protocol, 4.1). */
export const W3C_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The IRI of one claim's annotation; the importer recognizes it. */
export const annotationIri = (claimId: string) => `urn:claimdesk:claim:${encodeURIComponent(claimId)}`;
const personIri = (id: string) => `urn:claimdesk:user:${encodeURIComponent(id)}`;

/** The longest prefix and suffix exported, in UTF-16 units (what common anchoring libraries accept). */
export const CONTEXT_MAX_UTF16 = 32;

/** A member's nickname: their name in lower case, words joined by hyphens ("Eddie Editor" → "eddie-editor"). Never an e-mail address. */
export const nickname = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "") || "member";

/** A member as a W3C Agent: an IRI, Person, name and nickname (the model's SHOULDs). */
const agent = (p: ReportPerson) => ({ id: personIri(p.id), type: "Person", name: p.name, nickname: nickname(p.name) });

/** Builds the AnnotationCollection of `m`. */
export function buildW3c(m: ReportModel): Record<string, unknown> {
  const id = reportUrl(m, "w3c");
  const generator = { id: `${m.baseUrl}/`, type: "Software", name: "Claimdesk", nickname: "claimdesk" };
  const index = new OffsetIndex(m.version.text);
  const items = m.claims.map((c) => annotation(m, c, generator, index));
  return {
    "@context": W3C_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `Claims in “${reportTitle(m)}”, version ${m.version.number}`,
    total: items.length,
    generator,
    generated: m.generatedAt,
    ...(items.length
      ? { first: { id: `${id}#page-1`, type: "AnnotationPage", partOf: id, startIndex: 0, items }, last: `${id}#page-1` }
      : {}),
  };
}

function annotation(m: ReportModel, c: ReportClaim, generator: object, index: OffsetIndex): Record<string, unknown> {
  const creator = c.decision?.by ?? c.author;
  // Each body is the decider's (or the claim's author's), made when the claim was decided (or created).
  const made = { ...(creator ? { creator: agent(creator) } : {}), created: c.decision?.at ?? c.createdAt };
  const body: Record<string, unknown>[] = [
    { type: "TextualBody", purpose: "tagging", value: VERDICT_LABELS[c.verdict], format: "text/plain", language: "en", ...made },
  ];
  if (c.rationaleHtml)
    body.push({
      type: "TextualBody",
      purpose: "commenting",
      value: c.rationaleHtml,
      format: "text/html",
      language: m.team.language ?? "en",
      ...made,
    });
  body.push(...c.evidence.map((e) => ({ ...evidenceBody(m, e), ...made })));
  return {
    "@context": W3C_CONTEXT,
    id: annotationIri(c.id),
    type: "Annotation",
    motivation: "assessing",
    ...(creator ? { creator: agent(creator) } : {}),
    created: c.createdAt,
    modified: c.updatedAt,
    generator,
    generated: m.generatedAt,
    body,
    target: target(m, c, index),
    ...(needsReReview(c) ? { anchorState: c.anchorState } : {}),
  };
}

function target(m: ReportModel, c: ReportClaim, index: OffsetIndex): Record<string, unknown> {
  const cached = versionTextUrl(m);
  const page = isWebUrl(m.article.url);
  return {
    type: "SpecificResource",
    // The article as a web page, or the plain text of the checked version.
    source: {
      id: page ? m.article.url : cached,
      type: "Text",
      format: page ? "text/html" : "text/plain",
      language: m.team.language ?? "en",
    },
    selector: [
      {
        type: "TextQuoteSelector",
        exact: c.exact,
        prefix: tailUtf16(c.prefix, CONTEXT_MAX_UTF16),
        suffix: headUtf16(c.suffix, CONTEXT_MAX_UTF16),
      },
      // An orphan has no position in this version: a 0-0 selector would name one.
      ...(isPlaced(c)
        ? [{ type: "TextPositionSelector", start: c.start, end: c.end, utf16Start: index.toUtf16(c.start), utf16End: index.toUtf16(c.end) }]
        : []),
    ],
    state: { type: "TimeState", sourceDate: m.version.createdAt, cached },
  };
}

function evidenceBody(m: ReportModel, e: ReportEvidence): Record<string, unknown> {
  return {
    type: "SpecificResource",
    purpose: "linking",
    source: {
      id: isWebUrl(e.url) ? e.url : `${m.baseUrl}/evidence/${encodeURIComponent(e.id)}`,
      type: "Text",
      title: e.title,
    },
    stance: e.stance,
    ...(e.pinpoint ? { pinpoint: e.pinpoint } : {}),
  };
}

/** The JSON text served for `format=w3c`. */
export const buildW3cJson = (m: ReportModel) => `${JSON.stringify(buildW3c(m), null, 2)}\n`;
