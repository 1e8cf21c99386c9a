/**
 * Is this sentence the same claim as that one? A score in [0, 1] with its
 * reasons, and a level: "strong", "suggest" or none.
 *
 * score = (0.6 · BM25 (normalized by the claim's own score) + 0.4 · share of
 * the claim's people, organizations and places the sentence names) ·
 * penalties + bonuses, where the penalties are the traps the evaluation set holds:
 *   - a different speaker (two different people, or two different
 *     governments) — a person and an organization may be affiliated, so they
 *     are neither the same nor different;
 *   - a request against a statement ("asked South Korea to reconsider its
 *     rule" / "South Korean law bars arms exports");
 *   - a statement made at an earlier time ("last year", "at the time") on one
 *     side only;
 *   - different numbers; one side negated and the other not.
 * Nothing is applied on a match: a person confirms (lib/server/assist).
 */
import { bm25, selfScore, type CorpusStats } from "./bm25";
import { nameKey } from "./aliases";
import type { EntityKind } from "./named-entities";
import type { Modality } from "./modality";
import type { SentenceAnalysis } from "./analyze-text";

/** What matching compares of a sentence or a claim (stored per sentence by the server). */
export type Signature = {
  terms: string[];
  /** Distinct named entities by canonical key. */
  entities: { key: string; kind: EntityKind; name: string }[];
  numbers: string[];
  speakers: { name: string; kind?: EntityKind }[];
  modality: Modality;
  earlier: string | null;
  negated: boolean;
};

/** Score at or above which a sentence is offered as the same claim. */
export const SUGGEST_MATCH = 0.38;
/** Score at or above which it is a strong match ("Previously checked" offers the earlier verdict). */
export const STRONG_MATCH = 0.5;

/** Share of the score that comes from BM25 (the rest: shared names). */
export const LEXICAL_WEIGHT = 0.8;

export type MatchLevel = "strong" | "suggest";
export type MatchResult = { score: number; level: MatchLevel | null; reasons: string[] };

/** The signature of an analysed sentence. */
export function signatureOf(
  s: Pick<SentenceAnalysis, "terms" | "entities" | "numbers" | "speakers" | "modality" | "earlier" | "negated">,
): Signature {
  const entities = new Map<string, Signature["entities"][number]>();
  for (const e of s.entities)
    if (e.kind !== "other" && !entities.has(e.key)) entities.set(e.key, { key: e.key, kind: e.kind, name: e.canonical });
  return {
    terms: s.terms,
    entities: [...entities.values()],
    numbers: [...new Set(s.numbers)],
    speakers: s.speakers.map((x) => ({ name: x.name, kind: x.kind })),
    modality: s.modality,
    earlier: s.earlier,
    negated: s.negated,
  };
}

/**
 * The signature of a claim's span: the sentences it overlaps, their terms and
 * entities within the span, and their speakers, modality and time marker.
 */
export function signatureOfSpan(sentences: SentenceAnalysis[], start: number, end: number): Signature | null {
  const hit = sentences.filter((s) => s.start < end && start < s.end);
  if (!hit.length) return null;
  const merged = hit.map(signatureOf);
  return {
    terms: merged.flatMap((m) => m.terms),
    entities: dedupe(
      merged.flatMap((m) => m.entities),
      (e) => e.key,
    ),
    numbers: [...new Set(merged.flatMap((m) => m.numbers))],
    speakers: dedupe(
      merged.flatMap((m) => m.speakers),
      (x) => nameKey(x.name),
    ),
    modality: merged.some((m) => m.modality === "request") ? "request" : "statement",
    earlier: merged.find((m) => m.earlier)?.earlier ?? null,
    negated: merged.some((m) => m.negated),
  };
}

function dedupe<T>(xs: T[], key: (x: T) => string): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => (seen.has(key(x)) ? false : (seen.add(key(x)), true)));
}

/** The distinctive parts of a name ("Pieter Laan" → pieter, laan). */
function nameParts(name: string): string[] {
  let parts = partsCache.get(name);
  if (!parts) {
    if (partsCache.size > 20_000) partsCache.clear();
    parts = nameKey(name)
      .split(" ")
      .filter((p) => p.length > 2 && !GENERIC_NAME_PARTS.has(p));
    partsCache.set(name, parts);
  }
  return parts;
}
const partsCache = new Map<string, string[]>();
const personish = (kind?: EntityKind) => kind === "person" || kind === "other";

/** Two names of one person: equal, or (people) sharing a distinctive part ("Laan" / "Pieter Laan"). */
function sameName(a: { name: string; kind?: EntityKind }, b: { name: string; kind?: EntityKind }): boolean {
  if (nameKey(a.name) === nameKey(b.name)) return true;
  if (!(personish(a.kind) && personish(b.kind) && (a.kind === "person" || b.kind === "person"))) return false;
  const pb = nameParts(b.name);
  return nameParts(a.name).some((p) => pb.includes(p));
}

const GENERIC_NAME_PARTS = new Set(["the", "of", "and", "south", "north", "east", "west", "new", "united", "republic", "korea", "states"]);

/** Same speaker, different speakers, or cannot tell (a person and an organization may be affiliated). */
export function compareSpeakers(a: Signature["speakers"], b: Signature["speakers"]): "same" | "different" | "unknown" {
  if (!a.length || !b.length) return "unknown";
  let comparable = false;
  for (const x of a) {
    for (const y of b) {
      if (sameName(x, y)) return "same";
      if ((x.kind === "person" && y.kind === "person") || (x.kind === "place" && y.kind === "place")) comparable = true;
    }
  }
  return comparable ? "different" : "unknown";
}

const label = (term: string) => term.replace(/^ent/, "").replace(/^num/, "");

/** BM25 of a claim against itself, kept per claim: ranking compares it with hundreds of candidates. */
const selfScores = new WeakMap<Signature, { stats: CorpusStats; score: number }>();
function claimSelfScore(stats: CorpusStats, claim: Signature): number {
  const hit = selfScores.get(claim);
  if (hit?.stats === stats) return hit.score;
  const score = selfScore(stats, claim.terms);
  selfScores.set(claim, { stats, score });
  return score;
}

/** How well `candidate` states the same claim as `claim`. `stats` are the corpus statistics for BM25. */
export function matchClaim(stats: CorpusStats, claim: Signature, candidate: Signature): MatchResult {
  const reasons: string[] = [];
  const lexical = bm25(stats, claim.terms, candidate.terms);
  // Both ways: a short sentence ("Kim asked.") is not the same claim as every long one that names Kim.
  const forward = Math.min(1, lexical.score / claimSelfScore(stats, claim));
  const backward = Math.min(1, bm25(stats, candidate.terms, claim.terms).score / selfScore(stats, candidate.terms));
  const lex = forward + backward ? (2 * forward * backward) / (forward + backward) : 0;
  const words = lexical.shared.filter((t) => !t.startsWith("ent") && !t.startsWith("num"));
  if (words.length) reasons.push(`Shared words: ${words.slice(0, 6).map(label).join(", ")}`);

  const claimEntities = claim.entities.filter((e) => e.kind !== "other");
  // The candidate's speakers count as names it mentions ("Laan called on…" names Pieter Laan).
  const named = [...candidate.entities, ...candidate.speakers.map((x) => ({ key: nameKey(x.name), name: x.name, kind: x.kind }))];
  const common = claimEntities.filter((e) =>
    named.some((c) => c.key === e.key || sameName({ name: e.name, kind: e.kind }, { name: c.name, kind: c.kind })),
  );
  const coverage = claimEntities.length ? common.length / claimEntities.length : lex;
  if (common.length) reasons.push(`Same names: ${common.map((e) => e.name).join(", ")}`);

  let score = LEXICAL_WEIGHT * lex + (1 - LEXICAL_WEIGHT) * coverage;

  if (claim.numbers.length && candidate.numbers.length) {
    const same = claim.numbers.filter((n) => candidate.numbers.includes(n));
    if (same.length) {
      score += 0.08;
      reasons.push(`Same numbers: ${same.join(", ")}`);
    } else {
      score *= 0.6;
      reasons.push(`Different numbers: ${claim.numbers.join(", ")} / ${candidate.numbers.join(", ")}`);
    }
  }
  const speakers = compareSpeakers(claim.speakers, candidate.speakers);
  if (speakers === "same") {
    score += 0.08;
    reasons.push(`Same speaker: ${candidate.speakers[0]!.name}`);
  } else if (speakers === "different") {
    score *= 0.45;
    reasons.push(
      `Different speaker: ${claim.speakers.map((s) => s.name).join(", ")} / ${candidate.speakers.map((s) => s.name).join(", ")}`,
    );
  }
  if (claim.modality !== candidate.modality) {
    score *= 0.55;
    reasons.push(
      claim.modality === "request"
        ? "This claim asks for something; that sentence states something"
        : "This claim states something; that sentence asks for something",
    );
  }
  if (!!claim.earlier !== !!candidate.earlier) {
    score *= 0.7;
    reasons.push(`Said at another time: “${claim.earlier ?? candidate.earlier}”`);
  }
  if (claim.negated !== candidate.negated) {
    score *= 0.85;
    reasons.push("One is negated, the other is not");
  }
  score = Math.max(0, Math.min(1, score));
  const level: MatchLevel | null = score >= STRONG_MATCH ? "strong" : score >= SUGGEST_MATCH ? "suggest" : null;
  return { score: Math.round(score * 1000) / 1000, level, reasons };
}
