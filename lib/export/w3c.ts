/**
 * W3C Web Annotation JSON-LD: an AnnotationCollection with one embedded
 * AnnotationPage holding one Annotation per final claim.
 *
 * - motivation `assessing`;
 * - bodies: a `tagging` TextualBody with the verdict label, a `commenting`
 *   TextualBody with the rationale (HTML), and a `linking` SpecificResource
 *   for each piece of evidence;
 * - target: a SpecificResource whose source is the article's URL (or, when
 *   it has none, the URL of the version's text), with a TextQuoteSelector, a
 *   TextPositionSelector (Unicode code points, as the model says) and a
 *   TimeState naming the version: `sourceDate` is when the version's text was
 *   captured and `cached` the URL of that exact text, which the offsets count in.
 *
 * Every annotation carries the @context too, so each stands alone when
 * copied out of the collection. A few terms extend the W3C context: `stance`
 * and `pinpoint` on evidence, `title` (Dublin Core) on evidence sources, and
 * `anchorState` on an annotation a correction changed after the check.
 *
 * Claims a correction changed stay in the export, marked, because Web
 * Annotation clients already know both cases: a drifted claim's selectors
 * select the corrected words (`anchorState: "drifted"`: the verdict was
 * given on the earlier wording), and an orphan keeps only the
 * TextQuoteSelector of the words as checked, with no position, which
 * clients such as Hypothesis list as an orphan (`anchorState: "orphaned"`)
 * and the importer reports as not found rather than placing it anywhere.
 */
import type { ReportClaim, ReportEvidence, ReportModel } from "./report-model";
import { isWebUrl, reportTitle, reportUrl, versionTextUrl } from "./report-model";
import { VERDICT_LABELS, isPlaced, needsReReview } from "./report-text";

/** The namespace of Claimdesk's few extension terms (a URN: nothing pretends to resolve). */
export const CLAIMDESK_VOCAB = "urn:claimdesk:vocab:";

export const W3C_CONTEXT = [
  "http://www.w3.org/ns/anno.jsonld",
  { cd: CLAIMDESK_VOCAB, dcterms: "http://purl.org/dc/terms/", stance: "cd:stance", pinpoint: "cd:pinpoint", title: "dcterms:title", anchorState: "cd:anchorState" },
] as const;

/** The media type of Web Annotation JSON-LD (Web Annotation Protocol, 4.1). */
export const W3C_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

/** The IRI of one claim's annotation; the importer recognizes it. */
export const annotationIri = (claimId: string) => `urn:claimdesk:claim:${encodeURIComponent(claimId)}`;
const personIri = (id: string) => `urn:claimdesk:user:${encodeURIComponent(id)}`;

/** Builds the AnnotationCollection of `m`. */
export function buildW3c(m: ReportModel): Record<string, unknown> {
  const id = reportUrl(m, "w3c");
  const generator = { id: `${m.baseUrl}/`, type: "Software", name: "Claimdesk" };
  const items = m.claims.map((c) => annotation(m, c, generator));
  return {
    "@context": W3C_CONTEXT,
    id,
    type: "AnnotationCollection",
    label: `Claims in “${reportTitle(m)}”, version ${m.version.number}`,
    total: items.length,
    generator,
    generated: m.generatedAt,
    ...(items.length ? { first: { id: `${id}#page-1`, type: "AnnotationPage", partOf: id, startIndex: 0, items }, last: `${id}#page-1` } : {}),
  };
}

function annotation(m: ReportModel, c: ReportClaim, generator: object): Record<string, unknown> {
  const creator = c.decision?.by ?? c.author;
  const body: Record<string, unknown>[] = [{ type: "TextualBody", purpose: "tagging", value: VERDICT_LABELS[c.verdict], format: "text/plain", language: "en" }];
  if (c.rationaleHtml) body.push({ type: "TextualBody", purpose: "commenting", value: c.rationaleHtml, format: "text/html" });
  body.push(...c.evidence.map((e) => evidenceBody(m, e)));
  return {
    "@context": W3C_CONTEXT,
    id: annotationIri(c.id),
    type: "Annotation",
    motivation: "assessing",
    ...(creator ? { creator: { id: personIri(creator.id), type: "Person", name: creator.name } } : {}),
    created: c.createdAt,
    modified: c.updatedAt,
    generator,
    generated: m.generatedAt,
    body,
    target: target(m, c),
    ...(needsReReview(c) ? { anchorState: c.anchorState } : {}),
  };
}

function target(m: ReportModel, c: ReportClaim): Record<string, unknown> {
  const cached = versionTextUrl(m);
  return {
    type: "SpecificResource",
    source: isWebUrl(m.article.url) ? m.article.url : cached,
    selector: [
      { type: "TextQuoteSelector", exact: c.exact, prefix: c.prefix, suffix: c.suffix },
      // An orphan has no position in this version: a 0-0 selector would name one.
      ...(isPlaced(c) ? [{ type: "TextPositionSelector", start: c.start, end: c.end }] : []),
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
