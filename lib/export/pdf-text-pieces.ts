/**
 * Text runs cut into the pieces the PDF writer hands pdfkit, one `text()`
 * call each, so that pdfkit's layout stays linear in the length of the text.
 *
 * Why a PDF of an article with a long run of non-space characters was
 * quadratic (16k characters: 6 s and 575 MB; 1 MiB: the process died):
 * pdfkit's line wrapper treats a run with no break opportunity as one word.
 * When the word is wider than the line, it cuts one line's worth off the
 * front and then measures the whole remainder again, line after line; and
 * every string it measures is laid out by fontkit and kept in the font's
 * layout cache under its text. A run of n characters costs n²/(line length)
 * glyph layouts, and keeps as many glyph positions alive.
 *
 * So pdfkit never gets such a word: a run longer than `MAX_UNBROKEN_RUN`
 * code points is passed as several pieces. Each piece is narrower than a
 * line at report sizes for most glyphs, is measured once, and a line holds
 * as many whole pieces as fit: a run that long is not a word anyone reads,
 * so where it breaks does not matter, only that it does.
 *
 * Long paragraphs are also cut, after a whitespace, every `MAX_PIECE` code
 * units, so that no single `text()` call is unbounded and the writer can
 * empty pdfkit's layout caches between calls (pdf.ts, flushLayoutCaches).
 */

/** The longest run without whitespace that pdfkit gets as one word, in code points. */
export const MAX_UNBROKEN_RUN = 64;

/** A piece ends at the first whitespace after this many UTF-16 units. */
export const MAX_PIECE = 4096;

/**
 * `text` cut into pieces whose concatenation is `text`: no piece holds more
 * than `MAX_UNBROKEN_RUN` code points without whitespace, and a piece ends
 * at the first whitespace after `MAX_PIECE` units. A run of normal length
 * (a word) is never split across pieces.
 */
export function pdfTextPieces(text: string): string[] {
  // Fast path: most runs are short (the UTF-16 length bounds the code point count).
  if (text.length <= MAX_UNBROKEN_RUN) return [text];
  const pieces: string[] = [];
  let start = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = code === 0x20 || code === 0x0a || code === 0x09 || (code > 0x7f && /\s/.test(text[i]!));
    // The second half of a surrogate pair belongs to the code point already counted.
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) continue;
    if (space) {
      run = 0;
      if (i + 1 - start >= MAX_PIECE) {
        pieces.push(text.slice(start, i + 1));
        start = i + 1;
      }
    } else if (++run > MAX_UNBROKEN_RUN) {
      pieces.push(text.slice(start, i));
      start = i;
      run = 1;
    }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}
