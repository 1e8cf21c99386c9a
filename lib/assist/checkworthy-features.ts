/**
 * The explainable features of check-worthiness. Each is a 0/1 signal with the
 * words that fired it, so a suggestion can say why it was made ("a number:
 * hundreds", "a superlative: unprecedented", "no attribution").
 */
import type { Token } from "./nlp";
import type { Entity } from "./named-entities";
import type { Speaker } from "./speaker";
import { CAUSAL, HEDGES, SUPERLATIVES } from "./lexicon";
import { dateWords } from "./quantities";

/** Feature names, in the order of the model's weight vector. */
export const FEATURES = [
  "number",
  "date",
  "person",
  "org",
  "place",
  "superlative",
  "attribution",
  "quotation",
  "hedge",
  "causal",
  "unattributed",
  "short",
  "question",
  "noVerb",
  "firstPerson",
] as const;
export type FeatureName = (typeof FEATURES)[number];

/** Labels a person reads on the settings page and in a suggestion's reasons. */
export const FEATURE_LABELS: Record<FeatureName, string> = {
  number: "States a number or quantity",
  date: "Names a date",
  person: "Names a person",
  org: "Names an organization",
  place: "Names a place",
  superlative: "Superlative, comparison or change",
  attribution: "Attributed to a speaker",
  quotation: "Quotes someone",
  hedge: "Hedged (may, reportedly, suspected)",
  causal: "Causal claim",
  unattributed: "No attribution in the text (Unsourced may fit)",
  short: "Very short",
  question: "A question",
  noVerb: "No verb (a headline or caption)",
  firstPerson: "First-person opinion",
};

/** 0/1 per feature, with the words behind each one that fired. */
export type FeatureValues = { values: Record<FeatureName, number>; evidence: Partial<Record<FeatureName, string>> };

const QUOTE = /[“”"«»]|(^|\s)‘|’(\s|[,.;:]|$)/;

/** The features of one sentence. */
export function sentenceFeatures(input: {
  text: string;
  tokens: Token[];
  entities: Entity[];
  speakers: Speaker[];
  numbers: string[];
}): FeatureValues {
  const { text, tokens, entities, speakers } = input;
  const evidence: Partial<Record<FeatureName, string>> = {};
  const fire = (name: FeatureName, words: string[] | string | null | undefined) => {
    const list = Array.isArray(words) ? words : words ? [words] : [];
    if (list.length) evidence[name] = [...new Set(list)].slice(0, 3).join(", ");
  };
  fire("number", input.numbers);
  fire("date", dateWords(tokens));
  fire(
    "person",
    entities.filter((e) => e.kind === "person").map((e) => e.canonical),
  );
  fire(
    "org",
    entities.filter((e) => e.kind === "org").map((e) => e.canonical),
  );
  fire(
    "place",
    entities.filter((e) => e.kind === "place").map((e) => e.text),
  );
  fire(
    "superlative",
    tokens
      .filter(
        (t) =>
          SUPERLATIVES.has(t.text.toLowerCase()) ||
          (t.pos === "ADJ" && /est$/.test(t.text) && t.text.length > 5 && SUPERLATIVES.has(t.lemma)),
      )
      .map((t) => t.text),
  );
  fire(
    "attribution",
    speakers.map((s) => s.name),
  );
  fire("quotation", QUOTE.test(text) ? "quotation marks" : null);
  const isSaidTo = /\b(is|are|was|were)\s+(said|reported|believed|thought)\s+to\b/i.exec(text);
  fire("hedge", [...tokens.filter((t) => HEDGES.has(t.text.toLowerCase())).map((t) => t.text), ...(isSaidTo ? [isSaidTo[0]] : [])]);
  fire(
    "causal",
    tokens.filter((t) => CAUSAL.has(t.text.toLowerCase()) || (t.pos === "VERB" && CAUSAL.has(t.lemma))).map((t) => t.text),
  );
  const words = tokens.filter((t) => t.pos !== "PUNCT" && t.pos !== "SYM");
  fire("short", words.length < 7 ? `${words.length} words` : null);
  fire("question", /\?\s*[”"’]?$/.test(text) ? "?" : null);
  fire("noVerb", tokens.some((t) => t.pos === "VERB" || t.pos === "AUX") ? null : "no verb");
  fire("firstPerson", /^(i|we)\s+(think|believe|feel|hope)\b/i.test(text) ? text.split(/\s+/).slice(0, 2).join(" ") : null);
  const contentful = !!(evidence.number || evidence.date || evidence.superlative || evidence.causal || evidence.person || evidence.org);
  fire("unattributed", !speakers.length && contentful && !evidence.question && !evidence.noVerb ? "no speaker named" : null);
  const values = Object.fromEntries(FEATURES.map((f) => [f, evidence[f] ? 1 : 0])) as Record<FeatureName, number>;
  return { values, evidence };
}
