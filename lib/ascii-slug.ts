/**
 * Lower-case ASCII letters and digits joined by single hyphens, accents
 * dropped, at most `max` characters and never ending in a hyphen; "" when
 * nothing is left (a name in another script). Team slugs and report file
 * names; article slugs cut at a word instead (`lib/publish/public-urls.ts`).
 */
export function asciiSlug(text: string, max: number): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/, "");
}
