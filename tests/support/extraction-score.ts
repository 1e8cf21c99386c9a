/**
 * Token-shingle scoring of an extracted article body against the expected
 * one, as the public article-extraction benchmark scores it (Scrapinghub's
 * article-extraction-benchmark, whose figures Readability.js and Trafilatura
 * publish): the texts become runs of word characters (letters, digits and
 * underscore; Python's `\w`), every 4 consecutive tokens make a shingle, and
 * shingles are matched as multisets. Each page's true positives, false
 * positives and false negatives are normalized to sum to 1, precision and
 * recall are averaged over the pages, and F1 is the harmonic mean of those
 * two averages.
 */

/** A page's normalized counts. */
export type ShingleCounts = { tp: number; fp: number; fn: number };

const TOKEN = /[\p{L}\p{N}_]+/gu;
const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - SHINGLE + 1); i++) {
    const shingle = tokens.slice(i, i + SHINGLE);
    if (shingle.length === 0) continue;
    const key = shingle.join("\u0001");
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** The normalized true positive, false positive and false negative shares of one page. */
export function shingleCounts(expected: string, predicted: string): ShingleCounts {
  const truth = shingles(expected);
  const pred = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...truth.keys(), ...pred.keys()])) {
    const t = truth.get(key) ?? 0;
    const p = pred.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function precision({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

function recall({ tp, fp, fn }: ShingleCounts): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** Precision, recall and F1 over a set of pages (the benchmark's macro averages). */
export function scorePages(pages: readonly ShingleCounts[]): { precision: number; recall: number; f1: number } {
  const p = mean(pages.filter((c) => c.tp + c.fp > 0).map(precision));
  const r = mean(pages.filter((c) => c.tp + c.fn > 0).map(recall));
  return { precision: p, recall: r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

/** F1 of one page. */
export function pageF1(expected: string, predicted: string): number {
  return scorePages([shingleCounts(expected, predicted)]).f1;
}
