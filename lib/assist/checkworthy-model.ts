/**
 * Check-worthiness as logistic regression over the features of
 * checkworthy-features.ts: p = σ(bias + Σ wᵢxᵢ). Small enough to show whole on
 * a settings page, and each suggestion's reasons are the features that pushed
 * its score up.
 *
 * The defaults are set by hand, one readable number per feature, and checked
 * on the labelled seed sentences (bench/assist/eval-set.ts): a refit on those
 * 110 sentences (`fit`, leave-one-article-out in the bench) scores no better
 * and gives signs a person cannot explain (a number counting against a claim),
 * so the hand-set weights stay. A team's weights then move
 * with its accepts (label 1) and dismisses (label 0), one stochastic-gradient
 * step each, pulled back towards the defaults so a run of dismissals cannot
 * silence a feature for good.
 */
import { FEATURE_LABELS, FEATURES, type FeatureName, type FeatureValues } from "./checkworthy-features";

/** A model: a bias and one weight per feature. */
export type Weights = { bias: number; weights: Record<FeatureName, number> };

/** Set by hand and checked on the labelled seed sentences (see the module comment). */
export const DEFAULT_WEIGHTS: Weights = {
  bias: -1.6,
  weights: {
    number: 1.4,
    date: 0.7,
    person: 0.6,
    org: 0.4,
    place: 0.3,
    superlative: 0.8,
    attribution: 0.8,
    quotation: 0.5,
    hedge: 0.3,
    causal: 0.4,
    unattributed: 0.5,
    short: -1.5,
    question: -1.2,
    noVerb: -2.0,
    firstPerson: -0.8,
  },
};

/** Score at or above which a sentence is suggested. */
export const SUGGEST_THRESHOLD = 0.5;
/** Learning rate of one accept or dismiss. */
export const LEARNING_RATE = 0.15;
/** Pull towards the defaults on each step (L2 around the defaults). */
export const PRIOR_STRENGTH = 0.02;
const WEIGHT_LIMIT = 8;

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** Reads stored weights defensively: unknown features are dropped, missing ones take their default. */
export function parseWeights(stored: unknown): Weights {
  const out: Weights = { bias: DEFAULT_WEIGHTS.bias, weights: { ...DEFAULT_WEIGHTS.weights } };
  if (!stored || typeof stored !== "object") return out;
  const s = stored as { bias?: unknown; weights?: Record<string, unknown> };
  if (typeof s.bias === "number" && Number.isFinite(s.bias)) out.bias = s.bias;
  for (const f of FEATURES) {
    const w = s.weights?.[f];
    if (typeof w === "number" && Number.isFinite(w)) out.weights[f] = w;
  }
  return out;
}

/** The model's probability that a sentence with these features is worth checking. */
export function score(model: Weights, x: Record<FeatureName, number>): number {
  let z = model.bias;
  for (const f of FEATURES) z += model.weights[f] * x[f];
  return sigmoid(z);
}

/** The features that raised the score, strongest first, as "label: words". */
export function reasons(model: Weights, fv: FeatureValues): string[] {
  return FEATURES.filter((f) => fv.values[f] && model.weights[f] > 0)
    .sort((a, b) => model.weights[b] - model.weights[a])
    .map((f) =>
      fv.evidence[f] && f !== "unattributed" && f !== "quotation" ? `${FEATURE_LABELS[f]}: ${fv.evidence[f]}` : FEATURE_LABELS[f],
    );
}

/**
 * One learning step from a person's decision on a suggestion: accepted (1) or
 * dismissed (0). Returns new weights; the input is not changed.
 */
export function learn(model: Weights, x: Record<FeatureName, number>, label: 0 | 1, rate = LEARNING_RATE): Weights {
  const error = label - score(model, x);
  const clip = (w: number) => Math.max(-WEIGHT_LIMIT, Math.min(WEIGHT_LIMIT, w));
  const weights = { ...model.weights };
  for (const f of FEATURES) {
    const prior = DEFAULT_WEIGHTS.weights[f];
    weights[f] = clip(weights[f] + rate * (error * x[f] - PRIOR_STRENGTH * (weights[f] - prior)));
  }
  return { bias: clip(model.bias + rate * (error - PRIOR_STRENGTH * (model.bias - DEFAULT_WEIGHTS.bias))), weights };
}

/**
 * Fits weights by batch gradient descent with an L2 penalty towards zero
 * (used offline to derive DEFAULT_WEIGHTS from labelled sentences, and by the
 * bench's cross-validation).
 */
export function fit(
  samples: { x: Record<FeatureName, number>; y: 0 | 1 }[],
  opts: { l2?: number; epochs?: number; rate?: number } = {},
): Weights {
  const { l2 = 0.05, epochs = 2000, rate = 0.5 } = opts;
  let bias = 0;
  const w = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<FeatureName, number>;
  const n = samples.length || 1;
  for (let e = 0; e < epochs; e++) {
    let gb = 0;
    const g = Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<FeatureName, number>;
    for (const s of samples) {
      const err = score({ bias, weights: w }, s.x) - s.y;
      gb += err;
      for (const f of FEATURES) g[f] += err * s.x[f];
    }
    bias -= (rate * gb) / n;
    for (const f of FEATURES) w[f] -= rate * (g[f] / n + l2 * w[f]);
  }
  return { bias, weights: w };
}
