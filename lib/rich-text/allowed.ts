/**
 * What the rich-text editor (rationales, notes) can produce, as plain data.
 *
 * Kept free of React and tiptap imports: the server's sanitizer
 * (./sanitize.ts) and the editor (components/editor/rich-text-editor.tsx)
 * both import it, so the allow-list and the editor stay in step.
 */

/** Link protocols the editor accepts and the sanitizer should allow. */
export const RICH_TEXT_PROTOCOLS = ["http", "https"] as const;

/**
 * Tags and attributes the editor can emit. `a` carries the editor's fixed
 * `rel`/`target`; `ol` may carry `start` (typing "3. " starts a list at 3).
 */
export const RICH_TEXT_ALLOWED = {
  tags: ["p", "br", "strong", "em", "s", "code", "ul", "ol", "li", "blockquote", "a", "span"],
  attributes: {
    a: ["href", "rel", "target"],
    ol: ["start"],
    // @-mentions in comments: <span data-type="mention" data-id="…" data-label="…">.
    span: ["data-type", "data-id", "data-label"],
  },
} as const satisfies { tags: readonly string[]; attributes: Record<string, readonly string[]> };

/** The fixed attributes of every link the editor writes. */
export const RICH_TEXT_LINK_ATTRIBUTES = { rel: "noopener noreferrer nofollow", target: "_blank" } as const;

/**
 * True for an absolute http(s) URL. Links typed without a scheme are completed
 * with https:// by the editor before this check.
 */
export function isAllowedLinkHref(href: string): boolean {
  try {
    const url = new URL(href.trim());
    return (RICH_TEXT_PROTOCOLS as readonly string[]).includes(url.protocol.replace(/:$/, ""));
  } catch {
    return false;
  }
}

/** Maximum length of a stored rich-text body, in characters of HTML (schemas check it; the sanitizer keeps it). */
export const RICH_TEXT_MAX = 20_000;
