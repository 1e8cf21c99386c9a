/**
 * BM25 (Robertson & Zaragoza 2009) over retrieval terms, with the corpus
 * statistics passed in: the server reads them from its term table, tests and
 * the bench compute them from their own sentences. Scores are normalized by
 * the query's score against itself, so one threshold fits short and long claims.
 */

/** Corpus statistics: sentence count, mean length in terms, and document frequency per term. */
export type CorpusStats = { documents: number; averageLength: number; df: (term: string) => number };

export const BM25_K1 = 1.2;
export const BM25_B = 0.75;

/** IDFs per statistics object: ranking asks for the same few terms hundreds of times. */
const idfs = new WeakMap<CorpusStats, Map<string, number>>();

/** Inverse document frequency, BM25's variant floored at a small positive value (never negative for common terms). */
export function idf(stats: CorpusStats, term: string): number {
  let cache = idfs.get(stats);
  if (!cache) idfs.set(stats, (cache = new Map()));
  let value = cache.get(term);
  if (value === undefined) {
    const n = Math.max(stats.documents, 1);
    const df = Math.min(stats.df(term), n);
    value = Math.max(0.05, Math.log(1 + (n - df + 0.5) / (df + 0.5)));
    cache.set(term, value);
  }
  return value;
}

const counts = (terms: readonly string[]) => {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
};

/** BM25 of a document (its terms) for a query (its terms, each distinct term counted once). */
export function bm25(stats: CorpusStats, query: readonly string[], doc: readonly string[]): { score: number; shared: string[] } {
  const tf = counts(doc);
  const norm = 1 - BM25_B + (BM25_B * doc.length) / Math.max(stats.averageLength, 1);
  let score = 0;
  const shared: string[] = [];
  for (const term of new Set(query)) {
    const f = tf.get(term);
    if (!f) continue;
    shared.push(term);
    score += (idf(stats, term) * f * (BM25_K1 + 1)) / (f + BM25_K1 * norm);
  }
  return { score, shared };
}

/** BM25 of the query against itself: the most a document can be worth to it, for normalizing. */
export function selfScore(stats: CorpusStats, query: readonly string[]): number {
  const distinct = [...new Set(query)];
  return bm25(stats, distinct, distinct).score || 1;
}

/** Statistics of an in-memory list of sentences (tests, bench, a single article). */
export function statsOf(docs: readonly (readonly string[])[]): CorpusStats {
  const df = new Map<string, number>();
  let total = 0;
  for (const d of docs) {
    total += d.length;
    for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  }
  return { documents: docs.length, averageLength: docs.length ? total / docs.length : 1, df: (t) => df.get(t) ?? 0 };
}
