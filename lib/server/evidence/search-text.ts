/**
 * The one search column of an item: title, publisher, URL and quote,
 * NFC-normalized and lower-cased in JavaScript. Queries are lower-cased the
 * same way and matched with a plain `contains`, so search behaves alike on
 * SQLite (whose LIKE folds ASCII only) and PostgreSQL (whose LIKE folds nothing).
 */
export function searchTextOf(item: { title: string; publisher?: string | null; url?: string | null; quote?: string | null }): string {
  return [item.title, item.publisher, item.url, item.quote].filter(Boolean).join("\n").normalize("NFC").toLowerCase();
}

/** The words of a search query, folded like {@link searchTextOf}; every word must match. */
export function searchTerms(q: string | undefined): string[] {
  return (q ?? "").normalize("NFC").toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
}
