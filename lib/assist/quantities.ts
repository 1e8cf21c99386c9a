/**
 * Numbers and time references of a sentence, normalized so that outlets that
 * write "10,000", "10000" and "ten thousand" agree, and so that "last year" or
 * "at the time" marks a statement made earlier than the article's events.
 */
import type { Token } from "./nlp";
import { QUANTITY_WORDS } from "./lexicon";
import { dictionary } from "./dictionary";

const NUMBER_WORDS = dictionary<number>({
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
});
const SCALES = dictionary<number>({ thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 });
const MONTHS =
  /^(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?)\.?$/i;

/** A number as a canonical string: "10,000" → "10000", "two" → "2", "1.2 billion" → "1200000000", "3.5%" → "3.5%". */
function canonicalNumber(value: number, percent: boolean): string {
  const s = Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return percent ? `${s}%` : s;
}

/** The numbers a sentence states (not its years, which are dates), normalized; vague quantities by their word ("hundreds"). */
export function findNumbers(tokens: Token[]): { values: string[]; words: string[] } {
  const values: string[] = [];
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const lower = t.text.toLowerCase();
    if (t.entity === "DATE" || t.entity === "TIME" || t.entity === "ORDINAL") continue;
    let value: number | null = null;
    if (/^\d[\d,]*(\.\d+)?$/.test(t.text)) value = Number(t.text.replace(/,/g, ""));
    else if (t.entity && lower in NUMBER_WORDS) value = NUMBER_WORDS[lower]!;
    else if ((t.pos === "NUM" || t.entity === "CARDINAL") && lower in NUMBER_WORDS) value = NUMBER_WORDS[lower]!;
    if (value !== null && Number.isFinite(value)) {
      // A year standing alone is a date, not a quantity.
      if (value >= 1900 && value <= 2100 && Number.isInteger(value) && !t.text.includes(",") && tokens[i + 1]?.text !== "%") continue;
      const next = tokens[i + 1]?.text.toLowerCase();
      if (next && next in SCALES) value *= SCALES[next]!;
      const percent = next === "%" || next === "percent" || tokens[i + 2]?.text.toLowerCase() === "cent";
      values.push(canonicalNumber(value, percent));
      words.push(t.text);
      continue;
    }
    if (QUANTITY_WORDS.has(lower) && !(tokens[i - 1] && /^\d/.test(tokens[i - 1]!.text))) {
      words.push(t.text);
      values.push(lower.replace(/s$/, "s"));
    }
  }
  return { values, words };
}

/** Whether the sentence speaks of a time before the article's events ("last year", "at the time", "a year ago"). */
export function earlierTimeMarker(text: string): string | null {
  const m =
    /\b(last year|a year ago|years ago|last (?:spring|summer|autumn|fall|winter|january|february|march|april|may|june|july|august|september|october|november|december)|at the time|in the run[- ]up to|previously|in (?:(?:january|february|march|april|may|june|july|august|september|october|november|december) )?(?:19|20)\d\d)\b/i.exec(
      text,
    );
  return m ? m[1]!.toLowerCase() : null;
}

/** The date words of a sentence (DATE entities and month names), for the "names a date" feature. */
export function dateWords(tokens: Token[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    if (t.entity === "DATE" || t.entity === "TIME" || (MONTHS.test(t.text) && /^\p{Lu}/u.test(t.text))) out.push(t.text);
    else if (/^(19|20)\d\d$/.test(t.text)) out.push(t.text);
  }
  return out;
}
