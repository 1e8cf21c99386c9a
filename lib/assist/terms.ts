/**
 * Retrieval terms of a sentence, the same for the database's full-text index
 * and the ranking: lemmas of content words mapped to their lemma class
 * ("urged" and "called on" → urge; "aid" and "support" → support), adverbs
 * folded into their adjective ("militarily" → military), plus one term per
 * named entity under its canonical name ("Seoul" → entsouthkorea) and per
 * number (num10000). Terms are lower-case letters and digits only, so SQLite's
 * unicode61 tokenizer and PostgreSQL's `simple` configuration both keep them whole.
 */
import type { Token } from "./nlp";
import type { Entity } from "./named-entities";
import { LEMMA_CLASSES, STOP_LEMMAS } from "./lexicon";

const CONTENT_POS = new Set(["NOUN", "VERB", "ADJ", "ADV", "PROPN", "NUM"]);

/** Letters and digits only, lower case. */
export const termText = (s: string) =>
  s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");

/** The retrieval term of one word, or null for a stop word. */
export function wordTerm(lemma: string, pos: string): string | null {
  let l = lemma.toLowerCase();
  if (STOP_LEMMAS.has(l)) return null;
  if (pos === "ADV" && /ily$/.test(l) && l.length > 6) l = l.replace(/ily$/, "y");
  else if (pos === "ADV" && /ly$/.test(l) && l.length > 5) l = l.replace(/ly$/, "");
  const cls = LEMMA_CLASSES[l] ?? l;
  const t = termText(cls);
  return t.length > 1 || /\d/.test(t) ? t : null;
}

/** The entity term of a canonical name. */
export const entityTerm = (key: string) => `ent${termText(key)}`;
/** The number term of a normalized number. */
export const numberTerm = (n: string) => `num${termText(n.replace(/%$/, "pct"))}`;

/** A sentence's retrieval terms, in text order (repeats kept: they count in BM25). */
export function retrievalTerms(tokens: Token[], entities: Entity[], numbers: string[]): string[] {
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (!CONTENT_POS.has(t.pos) || t.entity === "CARDINAL" || /^\d/.test(t.text)) return;
    // "step up" is "increase"; a "step towards" is not.
    const phrasal = t.lemma === "step" && tokens[i + 1]?.text.toLowerCase() === "up" ? "increase" : null;
    const term = phrasal ?? wordTerm(t.lemma, t.pos);
    if (term) out.push(term);
  });
  for (const e of entities) if (e.kind !== "other") out.push(entityTerm(e.key));
  for (const n of numbers) out.push(numberTerm(n));
  return out;
}

/** Terms of a free-text query (a claim's quote, a search box), the same way as sentences. */
export function queryTerms(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}]+/u)
    .map((w) => w.toLowerCase())
    .filter((w) => w && !STOP_LEMMAS.has(w))
    .map((w) => termText(LEMMA_CLASSES[w] ?? w))
    .filter((w) => w.length > 1);
}
