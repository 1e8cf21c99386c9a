/**
 * Removes page furniture (breadcrumbs, teaser blocks, subscribe boxes) that a
 * copy-paste or scrape drags in with the article body.
 *
 * The rules are data: a short list of whole-line patterns, each with an extent
 * and a few declarative guards. A rule that misfires can delete article text
 * that someone wants to fact-check, so every rule prefers to leave furniture in
 * over taking body text out, and every removal is reported back to the caller.
 */
import { normalizeText } from "./normalize-text";

/** What kind of furniture a removed block was. */
export type FurnitureKind =
  | "crumb"
  | "also-read"
  | "subscribe"
  | "may-also-like"
  | "category-line"
  | "updated-date"
  | "advertising"
  | "byline"
  | "dateline"
  | "tags"
  | "share"
  | "copyright"
  | "stray"
  | "print-edition";

/** One run of removed lines. */
export type RemovedBlock = {
  kind: FurnitureKind;
  /** The removed lines, verbatim. */
  lines: string[];
  /** Paragraph (line) index of the first removed line in the text given to {@link stripFurniture}. */
  index: number;
};

/** Result of stripping: the kept text and what was taken out. */
export type StripResult = { text: string; removed: RemovedBlock[] };

type FurnitureRule = {
  kind: FurnitureKind;
  /** Must match the whole line (anchor it with ^ and $). */
  pattern?: RegExp;
  /** A test the line must pass, for what a pattern cannot say. */
  test?: (line: string) => boolean;
  /** 'line' removes the line only; 'to-end' removes it and every line after it. */
  extent: "line" | "to-end";
  /** Only in the first N lines: page-header furniture never sits mid-article. */
  withinFirstLines?: number;
  /** Only directly after a line removed as this kind. */
  after?: FurnitureKind;
  /** Not when the line also appears inside the line before (a headline repeating the crumb trail). */
  notInPreviousLine?: boolean;
  /**
   * Only when the line starts in the second half of the text. A to-end rule
   * that fires early would delete most of the article; a real teaser block is a tail.
   */
  inSecondHalf?: boolean;
};

/**
 * A category or tag list: 2 to 12 words, each starting with a capital letter or
 * a digit, and nothing else (no sentence punctuation, no lower-case word such as
 * "of" or "to", which even title-case headlines nearly always have).
 */
const CAPITALIZED_WORDS = /^[\p{Lu}\p{N}][\p{L}\p{N}'’&-]*(?: (?:&|[\p{Lu}\p{N}][\p{L}\p{N}'’&-]*)){1,11}$/u;

/** A name in a byline: one to four capitalized words ("Jeanna Smialek", "Ciarán Byrne", "Brady McCombs"). */
const NAME = "[\\p{Lu}][\\p{L}'’.-]*(?: [\\p{Lu}][\\p{L}'’.-]*){0,3}";

/**
 * "By Jane Doe", "By Jane Doe and John Roe", "By Jane Doe, Health Correspondent · 5 Dec 2023":
 * a byline line, with at most a short role or date after it, and no full stop
 * at the end ("By Monday, the council will decide." is a sentence).
 */
const BYLINE = new RegExp(`^(?:By|Par|Von|Por|Door) ${NAME}(?:(?:,| and| und| et| y| &) ${NAME})*(?: ?[,·|•–—-] ?[^.!?]{0,60})?$`, "u");

/** Words a date line is made of, besides digits and punctuation. */
const DATE_WORDS = new Set(
  (
    "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec " +
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun " +
    "updated published posted last modified on at am pm a m p gmt utc bst cet cest edt est pdt pst cdt cst mdt mst et kst jst ist " +
    "uhr le à h janvier février mars avril mai juin juillet août septembre octobre novembre décembre januar februar märz juni juli oktober dezember"
  ).split(" "),
);

/** A line that is only a date or time ("March 20, 2024 Updated 9:32 p.m. ET", "12 May 2024"). */
function isDateLine(line: string): boolean {
  if (line.length > 80 || !/\d/.test(line)) return false;
  const words = line.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.length > 0 && words.every((w) => DATE_WORDS.has(w));
}

/** Ad and sponsorship labels that publishing systems print above or below an ad slot. */
const AD_LABEL =
  /^(?:advertisement|advertising|ads?|sponsored(?: content)?|supported by|skip advertisement|ad feedback|story continues(?: below(?: advertisement)?)?|continue reading below|(?:advertisement ?[·•|-] ?)?scroll to continue(?: with content)?|anzeige|werbung|publicidad|publicité|pubblicità|реклама|광고|広告|广告|إعلان)$/iu;

/** Ordered: the first rule that accepts a line wins. */
const RULES: readonly FurnitureRule[] = [
  { kind: "crumb", pattern: /^Home ?[»>\/›] ?.*$/u, extent: "line", withinFirstLines: 3 },
  {
    kind: "category-line",
    pattern: CAPITALIZED_WORDS,
    extent: "line",
    after: "crumb",
    notInPreviousLine: true,
  },
  {
    kind: "also-read",
    pattern: /^(?:also read|read also|read more|related(?: articles| stories| news| posts)?) ?:?$/i,
    extent: "to-end",
    inSecondHalf: true,
  },
  // "Also Read: <headline>" dropped into the middle of the body: one teaser line.
  { kind: "also-read", pattern: /^(?:also read|read also|read more|related) ?[:|] ?\S.*$/i, extent: "line" },
  // The same teaser labels in other words and languages, with or without the headline after them.
  {
    kind: "also-read",
    pattern:
      /^(?:read next|related (?:article|content|coverage|stories|story|news)|more on this story|recommended(?: stories)?|lire aussi|à lire aussi|mehr zum thema|lesen sie auch|leia também|leggi anche|lee también|ver también|relacionadas|relacionados|관련 ?기사|関連(?:記事|ニュース)|相关(?:阅读|新闻)|читайте также|материалы по теме|اقرأ أيضًا|اقرأ أيضا)(?: ?[:：|] ?\S.*)?$/iu,
    extent: "line",
  },
  { kind: "updated-date", pattern: /^(?:last )?updated(?: date| on)? ?:?$/i, extent: "line" },
  { kind: "subscribe", pattern: /^Discover more from [^.!?]{1,80}$/u, extent: "line" },
  { kind: "subscribe", pattern: /^Subscribe\b.*$/u, extent: "line" },
  { kind: "may-also-like", pattern: /^you may also like ?:?$/i, extent: "to-end", inSecondHalf: true },
  { kind: "advertising", pattern: AD_LABEL, extent: "line" },
  { kind: "byline", pattern: BYLINE, extent: "line", withinFirstLines: 6 },
  { kind: "byline", pattern: /^Reporting from [\p{Lu}][^.!?]{0,60}$/u, extent: "line", withinFirstLines: 6 },
  { kind: "dateline", test: isDateLine, extent: "line", withinFirstLines: 8 },
  {
    kind: "tags",
    pattern:
      /^(?:topics|tags|tagged|filed under|labels|more on th(?:is|ese) topics?|schlagworte|archivado en|mots-clés|文章关键词|关键词|키워드|タグ) ?[:：] ?\S.{0,200}$/iu,
    extent: "line",
  },
  {
    kind: "share",
    pattern:
      /^(?:share(?: this)?(?: article| story| page| post)?|share on (?:facebook|twitter|x|linkedin|whatsapp)|copy link|print this (?:story|article|page)|email this (?:story|article)|follow us(?: on \w+)?) ?:?$/i,
    extent: "line",
  },
  { kind: "copyright", pattern: /^(?:©|\(c\) ?\d{4}|copyright ?(?:©|\(c\)|\d{4})).{0,200}$/iu, extent: "line" },
  // A separator, a lone counter or a like count: "___", "###", "412", "1.2K".
  { kind: "stray", pattern: /^(?:[#_*=~•·.–—-]{2,}|\d{1,4}|\d+(?:[.,]\d+)?[KkMm])$/u, extent: "line" },
  { kind: "print-edition", pattern: /^A version of this article appears in print on .{0,300}$/u, extent: "line" },
];

type LineContext = {
  lines: readonly string[];
  index: number;
  /** UTF-16 offset of the line start in the text. */
  offset: number;
  totalLength: number;
  /** Kind of the line removed just before this one, if it was removed. */
  previousKind: FurnitureKind | null;
};

function ruleApplies(rule: FurnitureRule, ctx: LineContext): boolean {
  const line = ctx.lines[ctx.index] ?? "";
  if (rule.withinFirstLines !== undefined && ctx.index >= rule.withinFirstLines) return false;
  if (rule.after !== undefined && ctx.previousKind !== rule.after) return false;
  if (rule.inSecondHalf && ctx.offset * 2 < ctx.totalLength) return false;
  if (rule.notInPreviousLine && ctx.index > 0 && (ctx.lines[ctx.index - 1] ?? "").includes(line)) {
    return false;
  }
  return (rule.pattern?.test(line) ?? true) && (rule.test?.(line) ?? true);
}

/**
 * Strip page furniture from line-normalized text (one paragraph per line, see
 * {@link normalizeText}). Lines that match no rule are kept exactly.
 *
 * Adjacent removed lines of the same kind are reported as one block.
 *
 * @param text - line-normalized text.
 * @returns the kept lines joined by '\n', and the removed blocks in text order.
 */
export function stripFurniture(text: string): StripResult {
  const lines = text === "" ? [] : text.split("\n");
  const kept: string[] = [];
  const removed: RemovedBlock[] = [];
  let previousKind: FurnitureKind | null = null;
  let offset = 0;

  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const ctx: LineContext = { lines, index, offset, totalLength: text.length, previousKind };
    offset += line.length + 1;
    const rule = RULES.find((candidate) => ruleApplies(candidate, ctx));

    if (rule === undefined) {
      kept.push(line);
      previousKind = null;
      continue;
    }
    const taken = rule.extent === "to-end" ? lines.slice(index) : [line];
    const last = removed[removed.length - 1];
    if (last !== undefined && previousKind === rule.kind) {
      last.lines.push(...taken);
    } else {
      removed.push({ kind: rule.kind, lines: taken, index });
    }
    if (rule.extent === "to-end") break;
    previousKind = rule.kind;
  }

  return { text: kept.join("\n"), removed };
}

/**
 * Turn raw article text into the canonical text of a new article version:
 * normalize, strip furniture, normalize again (so the result is canonical even
 * if a rule ever leaves a stray space or empty line behind).
 *
 * `removed[].index` counts paragraphs of the normalized text, before stripping.
 *
 * @param raw - text as fetched or pasted.
 */
export function importArticleText(raw: string): StripResult {
  const stripped = stripFurniture(normalizeText(raw));
  return { text: normalizeText(stripped.text), removed: stripped.removed };
}
