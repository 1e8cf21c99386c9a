/**
 * Reads Hypothesis's own API JSON (https://h.readthedocs.io/en/latest/api/):
 * a search response `{ total, rows: [...] }`, the client's export file
 * `{ export_date, annotations: [...] }`, an array of annotations, or one.
 * Each annotation becomes what ./parse-w3c.ts gives the import: a quote with
 * its context, a verdict, a rationale as HTML. Pure, like parse-w3c.
 *
 * - The verdict comes from `tags` through the team's mapping
 *   (lib/schemas/tag-map.ts); no mapped tag, or tags mapping to different
 *   verdicts, is reported with the tags seen.
 * - `text` is Markdown, rendered by markdown-it with raw HTML off; the import
 *   sanitizes the result as it does every rationale.
 * - The TextPositionSelector counts UTF-16 units of the page Hypothesis saw
 *   (its DOM text, navigation and all), not this article's code points, so it
 *   is only a hint for scoring candidates (`hintUtf16`, converted by the
 *   import through lib/anchoring/offsets.ts).
 * - A RangeSelector is an XPath into the page's HTML, which an article's
 *   plain text does not have: without a TextQuoteSelector nothing can be placed.
 */
import MarkdownIt from "markdown-it";
import { RICH_TEXT_MAX } from "@/lib/rich-text/allowed";
import { tagKey } from "@/lib/schemas/tag-map";
import type { Verdict } from "@/lib/schemas/claim";
import { anchorStateOf, quoteOf, type ImportProblem, type ImportProblemReason, type ParsedAnnotation } from "./parse-w3c";

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === "string" ? v : null);

/**
 * True for an object shaped like a Hypothesis annotation: no W3C `type`, a
 * `target` list or a `uri`, and a `user`, `text` or `tags`.
 */
export function isHypothesisAnnotation(v: unknown): v is Json {
  return (
    isObject(v) &&
    v.type === undefined &&
    v["@type"] === undefined &&
    (Array.isArray(v.target) || typeof v.uri === "string") &&
    (typeof v.user === "string" || typeof v.text === "string" || Array.isArray(v.tags))
  );
}

/**
 * The annotations of Hypothesis JSON, or null when the input is none of its
 * shapes. A search response or export whose list is not an array is an
 * error naming that field.
 */
export function hypothesisAnnotationsIn(input: unknown): { items: unknown[] } | { field: string } | null {
  if (Array.isArray(input)) return { items: input };
  if (!isObject(input)) return null;
  for (const field of ["rows", "annotations"] as const) {
    if (field in input) return Array.isArray(input[field]) ? { items: input[field] as unknown[] } : { field };
  }
  return isHypothesisAnnotation(input) ? { items: [input] } : null;
}

/** Raw HTML in a comment stays text (html: false); bare URLs become links; single line breaks are kept, as Hypothesis shows them. */
const markdown = new MarkdownIt({ html: false, linkify: true, breaks: true }).disable("image");
// The rationale editor has no headings: a heading becomes a bold paragraph rather than losing its break.
markdown.renderer.rules.heading_open = () => "<p><strong>";
markdown.renderer.rules.heading_close = () => "</strong></p>\n";

/** A Hypothesis comment (Markdown) as HTML; the caller sanitizes it. Longer than a stored rationale can be is cut first. */
export const markdownToHtml = (text: string) => markdown.render(text.slice(0, RICH_TEXT_MAX));

const quoted = (tags: string[]) =>
  tags
    .slice(0, 10)
    .map((t) => `"${t.slice(0, 60)}"`)
    .join(", ") + (tags.length > 10 ? ` and ${tags.length - 10} more` : "");

/** Reads one Hypothesis annotation, or says why it cannot be imported. `tagMap` is resolveTagMap of the team's mapping. */
export function parseHypothesisAnnotation(
  raw: unknown,
  index: number,
  tagMap: ReadonlyMap<string, Verdict>,
): ParsedAnnotation | ImportProblem {
  const id = isObject(raw) ? str(raw.id) : null;
  const problem = (reason: ImportProblemReason, message: string): ImportProblem => ({ index, id, reason, message });
  if (!isHypothesisAnnotation(raw)) return problem("not-an-annotation", "This item is not a Hypothesis annotation.");
  if (Array.isArray(raw.references) && raw.references.length > 0)
    return problem(
      "no-text-target",
      "This is a reply in a Hypothesis thread: it answers another annotation and has no text of its own to place.",
    );

  const targets = Array.isArray(raw.target) ? raw.target.filter(isObject) : [];
  const selectors = targets.flatMap((t) => (Array.isArray(t.selector) ? t.selector.filter(isObject) : []));
  if (selectors.length === 0)
    return problem(
      "no-text-target",
      "This is a Hypothesis page note: it annotates the whole page, not a passage of its text, so it has no place in the article.",
    );
  const quote = selectors.find((s) => s.type === "TextQuoteSelector" && typeof s.exact === "string");
  if (!quote) {
    const xpath = selectors.some((s) => s.type === "RangeSelector");
    return problem(
      "no-quote",
      xpath
        ? "The annotation has only an XPath RangeSelector: an XPath range points into Hypothesis's view of the page's HTML, which Claimdesk's article text does not have, so it cannot be placed. Annotations with a quote (TextQuoteSelector) can."
        : "The annotation has no TextQuoteSelector, so its span cannot be checked against this article.",
    );
  }
  const position = selectors.find((s) => s.type === "TextPositionSelector" && Number.isInteger(s.start) && (s.start as number) >= 0);

  const tags = (Array.isArray(raw.tags) ? raw.tags : []).filter((t): t is string => typeof t === "string");
  const verdicts = new Map<Verdict, string[]>();
  for (const tag of tags) {
    const verdict = tagMap.get(tagKey(tag));
    if (verdict) verdicts.set(verdict, [...(verdicts.get(verdict) ?? []), tag]);
  }
  if (verdicts.size === 0)
    return problem(
      "no-verdict",
      tags.length === 0
        ? "The annotation has no tags, so it has no verdict. Tag it (e.g. true, false, misleading) or map your tags in the team settings."
        : `None of the annotation's tags maps to a verdict (tags: ${quoted(tags)}). Map them in the team settings.`,
    );
  if (verdicts.size > 1)
    return problem(
      "conflicting-verdicts",
      `The annotation's tags map to different verdicts (${[...verdicts].map(([v, ts]) => `${quoted(ts)} → ${v}`).join("; ")}).`,
    );
  const anchorState = raw.$orphan === true ? "orphaned" : anchorStateOf(raw);
  return {
    index,
    id,
    ...quoteOf(quote),
    ...(position ? { hintUtf16: position.start as number } : {}),
    verdict: [...verdicts.keys()][0]!,
    rationaleHtml: markdownToHtml(str(raw.text) ?? ""),
    evidence: [],
    ...(anchorState ? { anchorState } : {}),
  };
}
