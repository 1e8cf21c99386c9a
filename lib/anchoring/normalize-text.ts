/**
 * Canonical text: the one string every stored offset counts in.
 *
 * An article version is normalized once, at import, and never again: if the
 * rules here change, old versions keep their text (and so their offsets), and
 * only newly imported versions see the new rules. That is why the rules are
 * few, explicit and idempotent (`normalizeText(normalizeText(x)) === normalizeText(x)`).
 */

/** Invisible characters that carry no meaning in a news article and break quote matching. */
const INVISIBLE = /[\uFEFF\u200B\u00AD]/g;

/**
 * Unicode line and paragraph separators and NEL. Treated as line breaks rather
 * than spaces, because the source meant a break there.
 */
const OTHER_LINE_BREAKS = /[\u2028\u2029\u0085]/g;

/**
 * Every Unicode space separator (NBSP, thin space, ideographic space, ...) plus
 * tab, vertical tab and form feed. U+200C/U+200D (ZWNJ/ZWJ) are deliberately
 * not here: they change how scripts and emoji render.
 */
const SPACES = /[\p{Zs}\t\v\f]/gu;

const SPACE_RUNS = / {2,}/g;

/**
 * Normalize raw article text into canonical form.
 *
 * - Unicode NFC (so "e" + U+0301 and "é" are the same text);
 * - CRLF and CR become LF; U+2028, U+2029 and U+0085 become LF too;
 * - U+FEFF (BOM), U+200B (zero-width space) and U+00AD (soft hyphen) are removed;
 * - Unicode space separators (NBSP included) and tabs become ' ', runs of
 *   spaces collapse to one, and each line is trimmed of spaces;
 * - empty lines are dropped, so lines are joined by exactly one '\n' and each
 *   line is one paragraph; there is no leading or trailing '\n'.
 *
 * @param raw - text as fetched or pasted.
 * @returns the canonical text.
 */
export function normalizeText(raw: string): string {
  const text = raw
    // NFC first so canonical-equivalent spaces (U+2000 -> U+2002) are seen as spaces below.
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(OTHER_LINE_BREAKS, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ")
    .replace(SPACE_RUNS, " ");

  const lines = text
    .split("\n")
    .map((line) => trimSpaces(line))
    .filter((line) => line.length > 0);

  // NFC again: removing an invisible character can bring a base letter and a
  // combining mark together ("e\u200B\u0301" -> "é").
  return lines.join("\n").normalize("NFC");
}

/**
 * Split canonical text into its paragraphs (one per line).
 *
 * Mirrors `String.prototype.split`: the empty text is one empty paragraph,
 * which is also what an editor document needs (it must hold at least one block).
 *
 * @param canonical - text produced by {@link normalizeText}.
 */
export function splitParagraphs(canonical: string): string[] {
  return canonical.split("\n");
}

/** Trim only U+0020: after normalization it is the only horizontal whitespace left. */
function trimSpaces(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line.charCodeAt(start) === 0x20) start++;
  while (end > start && line.charCodeAt(end - 1) === 0x20) end--;
  return line.slice(start, end);
}
