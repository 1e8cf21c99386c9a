/**
 * One pass over an article's canonical text: sentences (code points), named
 * entities, speakers, numbers, time markers, request-or-statement, retrieval
 * terms and check-worthiness features. Pure; the server stores what it needs
 * per sentence (lib/server/assist/index-version.ts) so that this runs once per
 * article version.
 */
import { splitSentences } from "./nlp";
import { findEntities, type Entity, type PersonMemory } from "./named-entities";
import { attributeSpeakers, type Speaker } from "./speaker";
import { sentenceFeatures, type FeatureValues } from "./checkworthy-features";
import { earlierTimeMarker, findNumbers } from "./quantities";
import { retrievalTerms } from "./terms";
import { sentenceModality, hasNegation, type Modality } from "./modality";
import { compileAliases, type AliasTable } from "./aliases";

/** Everything the assistant knows about one sentence. */
export type SentenceAnalysis = {
  /** Position in the article (0-based), and paragraph number. */
  ordinal: number;
  paragraph: number;
  /** Code points of the version's text, half-open. */
  start: number;
  end: number;
  text: string;
  entities: Entity[];
  speakers: Speaker[];
  /** Normalized numbers ("10000", "3.5%", "hundreds"). */
  numbers: string[];
  /** A marker of an earlier time ("last year", "at the time"), if any. */
  earlier: string | null;
  modality: Modality;
  negated: boolean;
  /** Retrieval terms: lemma classes, entity and number terms (lib/assist/terms.ts). */
  terms: string[];
  features: FeatureValues;
};

/** Analyzes canonical text (one line = one paragraph). */
export function analyzeText(text: string, aliases: AliasTable = compileAliases()): SentenceAnalysis[] {
  const raw = splitSentences(text);
  const people: PersonMemory = new Map();
  const withEntities = raw.map((s) => ({ ...s, entities: findEntities(s.tokens, aliases, people) }));
  const speakers = attributeSpeakers(withEntities, aliases);
  const out = withEntities.map((s, ordinal): SentenceAnalysis => {
    const numbers = findNumbers(s.tokens);
    const sp = speakers[ordinal] ?? [];
    return {
      ordinal,
      paragraph: s.paragraph,
      start: s.start,
      end: s.end,
      text: s.text,
      entities: s.entities,
      speakers: sp,
      numbers: numbers.values,
      earlier: earlierTimeMarker(s.text),
      modality: sentenceModality(s.tokens),
      negated: hasNegation(s.tokens),
      terms: retrievalTerms(s.tokens, s.entities, numbers.values),
      features: sentenceFeatures({ text: s.text, tokens: s.tokens, entities: s.entities, speakers: sp, numbers: numbers.words }),
    };
  });
  // "Zhang Jun said at the time, “…” / He then stressed, “…”": a speaker's next sentence keeps the time of the first.
  for (let i = 1; i < out.length; i++) {
    const [prev, cur] = [out[i - 1]!, out[i]!];
    const carried = cur.speakers.length && cur.speakers.every((x) => x.via === "pronoun" || x.via === "quotation");
    if (!cur.earlier && prev.earlier && carried && prev.paragraph === cur.paragraph) cur.earlier = prev.earlier;
  }
  return out;
}
