/**
 * Reads W3C Web Annotation JSON, from Claimdesk or from another tool (an
 * Annotation, an array of them, an AnnotationPage or an AnnotationCollection
 * with embedded pages), into what an import needs: the quote and position
 * of each annotation's text target, a verdict, a rationale and evidence
 * links. Pure; what cannot be read is reported per annotation, with why.
 */
import { VERDICTS, VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import { tagKey } from "@/lib/schemas/tag-map";
import type { ReportEvidence } from "./report-model";
import { isWebUrl } from "./report-model";

/** Why an annotation was not imported. */
export type ImportProblemReason =
  | "not-an-annotation"
  | "no-text-target"
  | "no-quote"
  | "no-verdict"
  | "conflicting-verdicts"
  | "quote-not-found"
  | "ambiguous"
  | "cut"
  | "invalid-span"
  | "duplicate";

export type ImportProblem = { index: number; id: string | null; reason: ImportProblemReason; message: string };

/** An evidence link read from a `linking` body. */
export type ParsedEvidence = { url: string; title: string; stance: ReportEvidence["stance"]; pinpoint: string | null };

/** One annotation ready to be placed. `index` is its place in the input (0-based). */
export type ParsedAnnotation = {
  index: number;
  id: string | null;
  exact: string;
  prefix: string;
  suffix: string;
  start?: number;
  end?: number;
  verdict: Verdict;
  /** Rationale as HTML (plain-text comments are wrapped in paragraphs); sanitized by the caller. */
  rationaleHtml: string;
  evidence: ParsedEvidence[];
  /** Where another tool (Hypothesis) put it in its own text, in UTF-16 units: a hint for scoring, never a placement. */
  hintUtf16?: number;
  /** The source says a correction changed the text after the check: the copy needs re-review too. */
  anchorState?: "drifted" | "orphaned";
};

type Json = Record<string, unknown>;

const asArray = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const types = (v: Json) => asArray(v.type ?? v["@type"]).filter((t): t is string => typeof t === "string");
const hasType = (v: Json, t: string) => types(v).includes(t);
const str = (v: unknown) => (typeof v === "string" ? v : null);

/** The annotations in any of the accepted shapes, or null when the input is none of them. */
export function annotationsIn(input: unknown): unknown[] | null {
  if (Array.isArray(input)) return input;
  if (!isObject(input)) return null;
  if (hasType(input, "Annotation")) return [input];
  if (hasType(input, "AnnotationPage")) return asArray(input.items);
  if (hasType(input, "AnnotationCollection")) {
    if (Array.isArray(input.items)) return input.items;
    // Embedded pages follow `next` when each is embedded too; a page given only by IRI cannot be followed offline.
    const out: unknown[] = [];
    for (let page = input.first; isObject(page); page = page.next) out.push(...asArray(page.items));
    return typeof input.first === "string" ? null : out;
  }
  return null;
}

const VERDICT_WORDS = new Map<string, Verdict>(
  VERDICTS.flatMap(
    (v) =>
      [
        [v, v],
        [VERDICT_LABELS[v].toLowerCase(), v],
      ] as [string, Verdict][],
  ),
);

const escapeText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const textToHtml = (s: string) =>
  s
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeText(p).replace(/\n/g, "<br>")}</p>`)
    .join("");

/** Quote and context of a TextQuoteSelector whose `exact` is a string. */
export const quoteOf = (sel: Json) => ({ exact: sel.exact as string, prefix: str(sel.prefix) ?? "", suffix: str(sel.suffix) ?? "" });

/** `anchorState` as Claimdesk's export marks a claim a correction changed (lib/export/w3c.ts), when it is one of those. */
export function anchorStateOf(raw: Json): ParsedAnnotation["anchorState"] {
  const state = raw.anchorState ?? raw["cd:anchorState"];
  return state === "drifted" || state === "orphaned" ? state : undefined;
}

/**
 * Reads one annotation, or says why it cannot be imported. Tags are read
 * through `tagMap` (the team's mapping, lib/schemas/tag-map.ts) when given,
 * else as verdict names and labels.
 */
export function parseAnnotation(raw: unknown, index: number, tagMap?: ReadonlyMap<string, Verdict>): ParsedAnnotation | ImportProblem {
  const id = isObject(raw) ? str(raw.id ?? raw["@id"]) : null;
  const problem = (reason: ImportProblemReason, message: string): ImportProblem => ({ index, id, reason, message });
  if (!isObject(raw) || !hasType(raw, "Annotation"))
    return problem("not-an-annotation", 'This item is not a W3C Annotation (its type is not "Annotation").');

  const selectors = asArray(raw.target)
    .filter(isObject)
    .flatMap((t) => asArray(t.selector).filter(isObject));
  if (selectors.length === 0)
    return problem("no-text-target", "The annotation has no selector: it targets a whole resource, not a span of text.");
  const quote = selectors.find((s) => hasType(s, "TextQuoteSelector") && typeof s.exact === "string");
  if (!quote) return problem("no-quote", "The annotation has no TextQuoteSelector, so its span cannot be checked against this article.");
  const position = selectors.find((s) => hasType(s, "TextPositionSelector") && Number.isInteger(s.start) && Number.isInteger(s.end));

  const verdicts = new Set<Verdict>();
  const comments: string[] = [];
  const evidence: ParsedEvidence[] = [];
  const bodyValue = str(raw.bodyValue);
  if (bodyValue) comments.push(textToHtml(bodyValue));
  for (const body of asArray(raw.body).filter(isObject)) {
    const purposes = asArray(body.purpose);
    const value = str(body.value);
    if (value !== null && (purposes.includes("tagging") || purposes.includes("classifying") || purposes.includes("assessing"))) {
      const v = tagMap ? tagMap.get(tagKey(value)) : VERDICT_WORDS.get(value.trim().toLowerCase());
      if (v) verdicts.add(v);
    } else if (value !== null && !purposes.includes("linking")) {
      comments.push(str(body.format) === "text/html" ? value : textToHtml(value));
    } else if (purposes.includes("linking")) {
      const link = linkOf(body);
      if (link) evidence.push(link);
    }
  }
  if (verdicts.size === 0)
    return problem("no-verdict", "The annotation has no verdict tag (a tagging body of Verified, Disputed or Unsourced).");
  if (verdicts.size > 1)
    return problem("conflicting-verdicts", `The annotation has more than one verdict tag (${[...verdicts].join(", ")}).`);
  return {
    index,
    id,
    ...quoteOf(quote),
    ...(position ? { start: position.start as number, end: position.end as number } : {}),
    verdict: [...verdicts][0]!,
    rationaleHtml: comments.join(""),
    evidence,
    ...(anchorStateOf(raw) ? { anchorState: anchorStateOf(raw) } : {}),
  };
}

const STANCES = new Set(["supports", "contradicts", "context"]);

/** A `linking` body: a SpecificResource around the evidence, or the web resource itself. */
function linkOf(body: Json): ParsedEvidence | null {
  const source = isObject(body.source) ? body.source : body;
  const url = str(source.id ?? source["@id"]) ?? str(body.source);
  if (!url || !isWebUrl(url)) return null;
  const stance = str(body.stance);
  return {
    url,
    title: (str(source.title) ?? str(body.title) ?? url).slice(0, 500),
    stance: stance && STANCES.has(stance) ? (stance as ParsedEvidence["stance"]) : "context",
    pinpoint: str(body.pinpoint)?.slice(0, 2000) ?? null,
  };
}

/** Whether a parse result is a problem. */
export const isProblem = (x: ParsedAnnotation | ImportProblem): x is ImportProblem => "reason" in x;
