/**
 * JSON-LD inside HTML: a `<script type="application/ld+json">` data block.
 * The browser never runs it (a data block is not a script, so no
 * Content-Security-Policy has to allow it), but its text still ends at the
 * first `</script`, so every `<` is written as `\u003c` (JSON's own escape):
 * no user text in the markup (a claim, a title) can close the block. `>` and
 * `&` are escaped too, and U+2028/U+2029, which older parsers took for line ends.
 */
export function jsonLdScript(data: unknown): string {
  const json = JSON.stringify(data)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
  return `<script type="application/ld+json">${json}</script>`;
}
