/**
 * Precision and recall of the claim assistant on the labelled seed set
 * (eval-set.ts): check-worthy suggestions, speakers and cross-article matches,
 * plus the traps that must not match. Pure (no database); the bench prints it
 * and lib/assist/evaluation.test.ts holds it to a floor.
 */
import { analyzeText, type SentenceAnalysis } from "@/lib/assist/analyze-text";
import { DEFAULT_WEIGHTS, SUGGEST_THRESHOLD, fit, score, type Weights } from "@/lib/assist/checkworthy-model";
import { statsOf } from "@/lib/assist/bm25";
import { compareSpeakers, matchClaim, signatureOf } from "@/lib/assist/match-claims";
import { CLUSTERS, OPTIONAL, SPEAKERS, TRAPS, WORTHY, seedTexts, type SentenceRef } from "./eval-set";

export type PR = { precision: number; recall: number; tp: number; fp: number; fn: number };
const pr = (tp: number, fp: number, fn: number): PR => ({
  precision: tp + fp ? tp / (tp + fp) : 1,
  recall: tp + fn ? tp / (tp + fn) : 1,
  tp,
  fp,
  fn,
});

type Corpus = Record<string, SentenceAnalysis[]>;

/** The analysed seed articles. */
export function analyzeSeeds(): Corpus {
  return Object.fromEntries(Object.entries(seedTexts()).map(([id, text]) => [id, analyzeText(text)]));
}

function find(corpus: Corpus, [article, prefix]: SentenceRef): SentenceAnalysis {
  const s = corpus[article]?.find((x) => x.text.startsWith(prefix));
  if (!s) throw new Error(`No sentence "${prefix}" in ${article}`);
  return s;
}

const key = (article: string, s: SentenceAnalysis) => `${article}:${s.ordinal}`;

/** Check-worthiness with the given weights (defaults unless told). */
export function evaluateSuggestions(corpus: Corpus, weights: Weights = DEFAULT_WEIGHTS, only?: string[]): PR {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const [article, sentences] of Object.entries(corpus)) {
    if (only && !only.includes(article)) continue;
    const prefixes = WORTHY[article] ?? [];
    for (const p of prefixes) find(corpus, [article, p]);
    for (const s of sentences) {
      const predicted = score(weights, s.features.values) >= SUGGEST_THRESHOLD;
      const gold = prefixes.some((p) => s.text.startsWith(p));
      if (predicted && gold) tp++;
      else if (predicted) fp++;
      else if (gold) fn++;
    }
  }
  return pr(tp, fp, fn);
}

/** Training samples (features and labels) of some articles. */
export function samples(corpus: Corpus, articles: string[]) {
  return articles.flatMap((article) => {
    const prefixes = WORTHY[article] ?? [];
    return (corpus[article] ?? []).map((s) => ({ x: s.features.values, y: (prefixes.some((p) => s.text.startsWith(p)) ? 1 : 0) as 0 | 1 }));
  });
}

/** Leave-one-article-out: fit on four articles, test on the fifth; pooled counts. */
export function crossValidateSuggestions(corpus: Corpus): PR {
  let tp = 0,
    fp = 0,
    fn = 0;
  const ids = Object.keys(corpus);
  for (const held of ids) {
    const weights = fit(
      samples(
        corpus,
        ids.filter((x) => x !== held),
      ),
    );
    const r = evaluateSuggestions(corpus, weights, [held]);
    tp += r.tp;
    fp += r.fp;
    fn += r.fn;
  }
  return pr(tp, fp, fn);
}

/** Speakers: a sentence counts when one predicted name is one of the gold names. */
export function evaluateSpeakers(corpus: Corpus): PR & { misses: string[] } {
  let tp = 0,
    fp = 0,
    fn = 0;
  const misses: string[] = [];
  for (const [article, sentences] of Object.entries(corpus)) {
    const labels = SPEAKERS[article] ?? [];
    for (const [prefix] of labels) find(corpus, [article, prefix]);
    for (const s of sentences) {
      // A sentence an outlet printed twice carries the same label twice.
      const names = labels.find(([prefix]) => s.text.startsWith(prefix))?.slice(1);
      const predicted = s.speakers;
      const right =
        !!names &&
        predicted.length > 0 &&
        compareSpeakers(
          predicted.map((p) => ({ name: p.name, kind: "person" })),
          names.map((n) => ({ name: n, kind: "person" })),
        ) === "same";
      if (right) tp++;
      else {
        if (predicted.length) fp++;
        if (names) fn++;
        if (predicted.length || names)
          misses.push(
            `${article} “${s.text.slice(0, 50)}…”: ${predicted.map((p) => p.name).join("; ") || "—"} (gold ${names?.join(" / ") ?? "—"})`,
          );
      }
    }
  }
  return { ...pr(tp, fp, fn), misses };
}

/**
 * Cross-article matches: for every check-worthy sentence and every trap
 * sentence (what a person tags as a claim), every sentence of the other
 * articles is a candidate. `thresholds` overrides the levels (for a sweep).
 */
export function evaluateMatches(corpus: Corpus, thresholds?: { suggest: number; strong: number }) {
  const all = Object.entries(corpus).flatMap(([article, ss]) => ss.map((s) => ({ article, s, sig: signatureOf(s) })));
  const stats = statsOf(all.map((x) => x.sig.terms));
  const cluster = new Map<string, number>();
  CLUSTERS.forEach((c, i) => c.members.forEach((m) => cluster.set(key(m[0], find(corpus, m)), i)));
  const pairKey = (a: string, b: string) => [a, b].sort().join("|");
  const optional = new Set(OPTIONAL.map(([a, b]) => pairKey(key(a[0], find(corpus, a)), key(b[0], find(corpus, b)))));
  const traps = TRAPS.map((t) => ({
    ...t,
    key: pairKey(key(t.pair[0][0], find(corpus, t.pair[0])), key(t.pair[1][0], find(corpus, t.pair[1]))),
  }));
  const counts = { suggest: { tp: 0, fp: 0, fn: 0 }, strong: { tp: 0, fp: 0, fn: 0 } };
  const trapHits: string[] = [];
  const falsePositives: string[] = [];
  const missed: string[] = [];
  const queries = new Set([
    ...Object.entries(WORTHY).flatMap(([article, prefixes]) => prefixes.map((p) => key(article, find(corpus, [article, p])))),
    ...TRAPS.flatMap((t) => t.pair.map((r) => key(r[0], find(corpus, r)))),
  ]);
  for (const q of all) {
    if (!queries.has(key(q.article, q.s))) continue;
    for (const d of all) {
      if (q.article === d.article) continue;
      const kq = key(q.article, q.s),
        kd = key(d.article, d.s);
      const pk = pairKey(kq, kd);
      if (optional.has(pk)) continue;
      const gold = cluster.has(kq) && cluster.get(kq) === cluster.get(kd);
      const m = matchClaim(stats, q.sig, d.sig);
      if (thresholds) m.level = m.score >= thresholds.strong ? "strong" : m.score >= thresholds.suggest ? "suggest" : null;
      for (const level of ["suggest", "strong"] as const) {
        const predicted = level === "suggest" ? m.level !== null : m.level === "strong";
        const c = counts[level];
        if (predicted && gold) c.tp++;
        else if (predicted) c.fp++;
        else if (gold) c.fn++;
      }
      const trap = traps.find((t) => t.key === pk);
      if (trap && m.level) trapHits.push(`${trap.why}: “${q.s.text.slice(0, 40)}…” → “${d.s.text.slice(0, 40)}…” (${m.score})`);
      else if (m.level && !gold) falsePositives.push(`${m.score} “${q.s.text.slice(0, 50)}…” → “${d.s.text.slice(0, 50)}…”`);
      else if (!m.level && gold)
        missed.push(`${m.score} “${q.s.text.slice(0, 50)}…” → “${d.s.text.slice(0, 50)}…” ${m.reasons.join("; ")}`);
    }
  }
  return {
    suggest: pr(counts.suggest.tp, counts.suggest.fp, counts.suggest.fn),
    strong: pr(counts.strong.tp, counts.strong.fp, counts.strong.fn),
    traps: { total: TRAPS.length * 2, matched: trapHits.length, hits: trapHits },
    falsePositives,
    missed,
  };
}
