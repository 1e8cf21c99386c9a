/**
 * Request or statement: "Stoltenberg asked South Korea to reconsider its rule"
 * asks for something; "South Korean law bars arms exports" states something.
 * The two may share most words and are still not the same claim.
 */
import type { Token } from "./nlp";
import { REQUEST_MODALS, REQUEST_VERBS } from "./lexicon";

export type Modality = "request" | "statement";

const isQuote = (t: Token) => /^[“”"‘’«»]+$/.test(t.text);

/** Whether the sentence asks someone to do something (urge/ask/call on … to …, should, must). */
export function sentenceModality(tokens: Token[]): Modality {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.pos === "AUX" && REQUEST_MODALS.has(t.text.toLowerCase())) return "request";
    if (t.pos !== "VERB" || !(t.lemma === "call" || REQUEST_VERBS.has(t.lemma))) continue;
    const next = tokens.slice(i + 1, i + 8).filter((x) => !isQuote(x));
    if (t.pos === "VERB" && t.lemma === "call" && /^(on|for|upon)$/i.test(next[0]?.text ?? "")) return "request";
    if (t.pos === "VERB" && REQUEST_VERBS.has(t.lemma) && next.some((x) => x.text.toLowerCase() === "to" || x.text.toLowerCase() === "for"))
      return "request";
  }
  return "statement";
}

/** Whether the sentence negates its statement ("not", "n't", "never", "no"). */
export function hasNegation(tokens: Token[]): boolean {
  return tokens.some((t) => /^(not|n't|n’t|never|no|neither|nor)$/i.test(t.text));
}
