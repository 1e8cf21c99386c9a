/**
 * Tokens, sentences, parts of speech, lemmas and number/date entities of English
 * text, from wink-nlp with its lite English model (both MIT, on npm; the model is
 * 3.8 MB and ships in the package, so nothing is fetched at run time).
 *
 * Why wink-nlp: it reads a 5,000-word article in a few tens of milliseconds and
 * keeps every character (token values plus their preceding spaces rebuild the
 * input exactly, which is what offsets need). compromise names people, places
 * and organizations, but took ~400 ms for the same article here, twice the
 * budget of a suggestion request. wink's lite model has no person/organization/
 * place recognizer, so lib/assist/named-entities.ts types proper-noun runs with
 * a title list and gazetteers (and the team's alias table).
 *
 * Offsets here count Unicode code points, converted once per paragraph through
 * lib/anchoring/offsets.ts.
 */
import winkNLP, { type ItemEntity, type ItemSentence } from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { OffsetIndex } from "@/lib/anchoring/offsets";

/** One token of the text. */
export type Token = {
  /** The token as written. */
  text: string;
  /** Lower-cased lemma ("urged" → "urge", "tanks" → "tank"). */
  lemma: string;
  /** Universal POS tag (PROPN, VERB, NUM…). */
  pos: string;
  /** Code points of the whole text, half-open. */
  start: number;
  end: number;
  /** Spaces before it (a token with none is glued to the previous one: "Secretary-General"). */
  spaced: boolean;
  /** A wink entity type covering it (DATE, CARDINAL, MONEY, PERCENT, ORDINAL, DURATION, TIME…), if any. */
  entity?: string;
};

/** One sentence: code-point offsets of the whole text and its tokens. */
export type RawSentence = { start: number; end: number; text: string; paragraph: number; tokens: Token[] };

type WinkDoc = ReturnType<ReturnType<typeof winkNLP>["readDoc"]>;

let instance: ReturnType<typeof winkNLP> | null = null;
/** The one wink instance of the process (loading the model takes ~100 ms, so it is done once, lazily). */
function wink() {
  instance ??= winkNLP(model, ["sbd", "pos", "ner"]);
  return instance;
}

/**
 * Splits canonical text (one line = one paragraph) into sentences with their
 * tokens. A sentence never crosses a paragraph break.
 */
export function splitSentences(text: string): RawSentence[] {
  const nlp = wink();
  const its = nlp.its;
  const out: RawSentence[] = [];
  let paragraph = 0;
  let cpBase = 0;
  for (const line of text.split("\n")) {
    const index = new OffsetIndex(line);
    if (line.trim()) {
      const doc: WinkDoc = nlp.readDoc(line);
      const values = doc.tokens().out() as string[];
      const spaces = doc.tokens().out(its.precedingSpaces) as string[];
      const pos = doc.tokens().out(its.pos) as string[];
      // wink types `its.lemma` as a token function the typed `out` overloads do not list; it works like `its.pos`.
      const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
      const entityOf: (string | undefined)[] = new Array(values.length);
      doc.entities().each((e: ItemEntity) => {
        const [from, to] = e.out(its.span) as unknown as [number, number];
        const type = e.out(its.type) as string;
        for (let k = from; k <= to; k++) entityOf[k] = type;
      });
      // UTF-16 offsets within the line, rebuilt from values and preceding spaces (wink keeps every character).
      const u16: number[] = [];
      let at = 0;
      for (let k = 0; k < values.length; k++) {
        at += spaces[k]!.length;
        u16.push(at);
        at += values[k]!.length;
      }
      const tokens: Token[] = values.map((v, k) => ({
        text: v,
        lemma: (lemmas[k] ?? v).toLowerCase(),
        pos: pos[k] ?? "X",
        start: cpBase + index.toCodePoint(u16[k]!),
        end: cpBase + index.toCodePoint(u16[k]! + v.length),
        spaced: k === 0 || spaces[k]!.length > 0,
        entity: entityOf[k],
      }));
      doc.sentences().each((s: ItemSentence) => {
        const [from, to] = s.out(its.span) as unknown as [number, number];
        const sentTokens = tokens.slice(from, to + 1).filter((t) => t.pos !== "SPACE");
        if (!sentTokens.length) return;
        const u16Start = u16[from]!;
        const u16End = u16[to]! + values[to]!.length;
        const sentText = line.slice(u16Start, u16End).trimEnd();
        out.push({
          start: cpBase + index.toCodePoint(u16Start),
          end: cpBase + index.toCodePoint(u16Start + sentText.length),
          text: sentText,
          paragraph,
          tokens: sentTokens,
        });
      });
      paragraph++;
    }
    cpBase += index.codePointLength + 1;
  }
  return out;
}
