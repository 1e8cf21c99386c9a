/** Comparing two wordings of one line (a headline and the page's title): light enough for the seed and the import alike. */

/** The letters and digits of a line, lower-cased and compatibility-folded: what two wordings of one headline share. */
const wordKey = (s: string) =>
  (
    s
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).join(" ");

/** True when two lines say the same words, whatever their spacing, case and punctuation ("Vote: yes" and "vote — YES"). */
export function sameWords(a: string, b: string): boolean {
  const key = wordKey(a);
  return key !== "" && key === wordKey(b);
}
