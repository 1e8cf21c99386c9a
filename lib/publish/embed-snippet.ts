/**
 * The copy-paste embed of a published fact-check: a plain blockquote with a
 * link, no script and no iframe, so it works on any site whatever its
 * Content-Security-Policy (and the desk's pages, which refuse framing, need
 * not be framed). A site styles it by its class, `claimdesk-factcheck`.
 */
import { escapeHtml } from "@/lib/export/html";

export type EmbedInput = { url: string; title: string; publisher: string; summary: string };

export function embedSnippet(e: EmbedInput): string {
  return `<blockquote class="claimdesk-factcheck" cite="${escapeHtml(e.url)}">
  <p><strong>Fact-check by ${escapeHtml(e.publisher)}:</strong> “${escapeHtml(e.title)}”. ${escapeHtml(e.summary)}.</p>
  <p><a href="${escapeHtml(e.url)}">Read the fact-check</a></p>
</blockquote>`;
}
