/**
 * The Markdown report (CommonMark + GFM tables). User text is escaped so it
 * can never become markup: no links, emphasis, headings, lists or raw HTML
 * that the user did not write as plain characters. The only HTML in the
 * output is the anchors and superscripts this builder writes itself.
 */
import type { ReportClaim, ReportModel, ReportRejection } from "./report-model";
import { isWebUrl, reportTitle } from "./report-model";
import { claimSegments } from "./claim-segments";
import { lineBlocks } from "./line-blocks";
import {
  NO_RATIONALE,
  REJECTED_HEADING,
  REJECTED_INTRO,
  UNSOURCED_NOTE,
  VERDICT_LABELS,
  anchorNote,
  decisionLine,
  evidenceDetails,
  rejectedReviewLine,
  rejectionDecisionLine,
  rejectionTitle,
  reportFacts,
  reviewsLine,
  summaryFacts,
} from "./report-text";

/** Escapes the inline Markdown metacharacters (emphasis, code, links, images, raw HTML, entities, tables). */
export const escapeMarkdownInline = (s: string) => s.replace(/[\\`*_[\]<>|~&!{}()]/g, "\\$&");

/**
 * Escapes Markdown metacharacters: inline ones everywhere, block markers
 * (headings, lists, rules, setext underlines) at the start of every line,
 * and leading spaces, which would start a code block.
 */
export function escapeMarkdown(s: string): string {
  return escapeMarkdownInline(s)
    .replace(/^[ \t]+/gm, "")
    .replace(/^([#+\-=])/gm, "\\$1")
    .replace(/^(\d+)([.)])/gm, "$1\\$2");
}

/** A table cell: escaped, on one line. */
const cell = (s: string) => escapeMarkdown(s).replace(/\r?\n/g, " ");

function mdLink(url: string | null, label: string): string {
  if (!isWebUrl(url)) return escapeMarkdown(label);
  return `[${escapeMarkdown(label)}](<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>)`;
}

/** Builds the Markdown report of `m`. */
export function buildMarkdown(m: ReportModel): string {
  const out: string[] = [`# Fact-check report: ${cell(reportTitle(m))}`, ""];
  out.push("| | |", "|---|---|");
  for (const [k, v] of reportFacts(m)) out.push(`| ${cell(k)} | ${k === "Article URL" ? mdLink(m.article.url, v) : cell(v)} |`);
  out.push("", "## Summary", "", "| | |", "|---|---:|");
  for (const [k, v] of summaryFacts(m)) out.push(`| ${cell(k)} | ${cell(v)} |`);
  out.push("", `> ${escapeMarkdown(UNSOURCED_NOTE)}`, "", "## Annotated text", "");
  out.push(annotatedText(m), "", "## Claims", "");
  if (m.claims.length === 0) out.push("No claims.", "");
  for (const c of m.claims) out.push(...claimSection(c));
  if (m.rejected.length) {
    out.push(`## ${REJECTED_HEADING}`, "", escapeMarkdown(REJECTED_INTRO), "");
    for (const r of m.rejected) out.push(...rejectionSection(r));
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * The text with each claimed run in <mark> (HTML, so no emphasis flanking
 * rules apply) and numbers where claims end; each line as its kind draws it
 * (./line-blocks.ts): a subhead `### ` (under the report's `## ` section),
 * quote lines one `> ` block quote, list items one `- ` list.
 */
function annotatedText(m: ReportModel): string {
  const lines = claimSegments(m.version.text, m.claims).map((para) =>
    para
      .map((s, i) => {
        const text = i === 0 ? escapeMarkdown(s.text) : escapeMarkdownInline(s.text);
        const marked = s.claims.length ? `<mark>${text}</mark>` : text;
        return marked + s.ends.map((n) => `<sup>[${n}](#claim-${n})</sup>`).join("");
      })
      .join(""),
  );
  return lineBlocks(lines, m.version.lineKinds)
    .map((b) => ({ ...b, lines: b.lines.filter((l) => l !== "") }))
    .filter((b) => b.lines.length > 0)
    .map((b) => {
      // A heading's trailing #s would be read as its closing sequence.
      if (b.kind === "heading") return `### ${b.lines[0]!.replace(/(?<!\\)#+$/, (h) => h.replace(/#/g, "\\#"))}`;
      if (b.kind === "quote") return b.lines.map((l) => `> ${l}`).join("\n>\n");
      if (b.kind === "list") return b.lines.map((l) => `- ${l}`).join("\n");
      return b.lines[0]!;
    })
    .join("\n\n");
}

/** Quoted words, one `>` line per line of text. */
const quote = (text: string) => text.split("\n").map((l) => `> ${escapeMarkdown(l)}`);

/** The rationale paragraph, its line breaks kept. */
const rationale = (text: string) => `**Rationale:** ${text ? escapeMarkdown(text).replace(/\n/g, "  \n") : `${NO_RATIONALE}.`}`;

function claimSection(c: ReportClaim): string[] {
  const lines = [`### <a id="claim-${c.number}"></a>${c.number}. ${VERDICT_LABELS[c.verdict]}`, ""];
  lines.push(...quote(c.exact), "");
  const note = anchorNote(c);
  if (note) lines.push(`**${cell(note)}**`, "");
  lines.push(rationale(c.rationaleText), "");
  if (c.evidence.length) {
    lines.push("**Evidence:**", "");
    for (const e of c.evidence) lines.push(`- ${mdLink(e.url, e.title)} · ${cell(evidenceDetails(e))}`);
    lines.push("");
  } else lines.push("**Evidence:** none.", "");
  if (c.reviews.length) lines.push(`**Reviewers:** ${cell(reviewsLine(c))}`, "");
  else if (c.author) lines.push(`**Marked by:** ${cell(c.author.name)} (no review round)`, "");
  const decision = decisionLine(c);
  if (decision) lines.push(`**Disagreement and decision:** ${cell(decision)}`, "");
  return lines;
}

function rejectionSection(r: ReportRejection): string[] {
  const lines = [`### ${cell(rejectionTitle(r))}`, ""];
  for (const v of r.reviews) lines.push(...quote(v.exact), "", cell(rejectedReviewLine(v)), "");
  lines.push(`**Decision:** ${cell(rejectionDecisionLine(r))}`, "");
  lines.push(rationale(r.decision.rationaleText), "");
  return lines;
}
