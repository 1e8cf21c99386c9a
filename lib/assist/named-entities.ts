/**
 * People, organizations and places named in a sentence. wink's lite model tags
 * proper nouns but does not type them, so runs of proper nouns are split and
 * typed here: a leading place or demonym ("South Korean"), titles ("Foreign
 * Minister"), then a name; organization words and acronyms; the gazetteer; and
 * the team's alias table, which also finds names that are not proper nouns
 * ("the NATO chief"). Offsets are code points.
 */
import type { Token } from "./nlp";
import { EVENT_WORDS, lookupDemonym, lookupPlace, ORG_WORDS, PLACE_ACRONYMS, TITLES } from "./gazetteer";
import { canonicalName, nameKey, type AliasTable } from "./aliases";

export type EntityKind = "person" | "org" | "place" | "other";

/** A named entity: where it is, as written, and what it names. */
export type Entity = {
  kind: EntityKind;
  text: string;
  start: number;
  end: number;
  /** The name it stands for after aliases and the article's earlier full names ("Stoltenberg" → "Jens Stoltenberg"). */
  canonical: string;
  /** Comparison key of `canonical` (lib/assist/aliases.ts nameKey). */
  key: string;
  /** The title words before a person's name ("foreign minister", "researcher"), lower case. */
  title?: string;
};

/** A word: tokens glued without spaces ("Secretary", "-", "General" → "Secretary-General"). */
type Word = { text: string; lower: string; start: number; end: number; tokens: Token[] };

const isCapitalized = (s: string) => /^\p{Lu}/u.test(s);
const isAcronym = (s: string) => /^(\p{Lu}\.?){2,6}$/u.test(s);
const POSSESSIVE = /^[’']s?$/;
const JOINERS = new Set(["of", "for", "on", "and"]);

/** People named so far in the article, by surname and by full name, for resolving "Stoltenberg" and "Kim". */
export type PersonMemory = Map<string, string>;

/** Remembers a person's full name under each of its parts (Korean names put the family name first). */
export function rememberPerson(memory: PersonMemory, canonical: string): void {
  const parts = nameKey(canonical).split(" ");
  if (parts.length < 2) return;
  memory.set(nameKey(canonical), canonical);
  for (const p of [parts[0]!, parts[parts.length - 1]!]) if (p.length > 2 && !memory.has(p)) memory.set(p, canonical);
}

function wordsOf(tokens: Token[]): Word[] {
  const words: Word[] = [];
  for (const t of tokens) {
    const prev = words[words.length - 1];
    const glue = prev && !t.spaced && !POSSESSIVE.test(t.text) && (/^[-‐‑]$/.test(t.text) || /[-‐‑]$/.test(prev.text));
    if (glue) {
      prev.text += t.text;
      prev.lower = prev.text.toLowerCase();
      prev.end = t.end;
      prev.tokens.push(t);
    } else words.push({ text: t.text, lower: t.text.toLowerCase(), start: t.start, end: t.end, tokens: [t] });
  }
  return words;
}

/** A word that can be part of a name run. */
function isNameWord(w: Word, first: boolean): boolean {
  if (w.tokens.some((t) => t.entity === "DATE" || t.entity === "TIME")) return false;
  if (!isCapitalized(w.text)) return false;
  const pos = w.tokens[0]!.pos;
  if (pos === "PROPN") return true;
  // Sentence-initial capitals are only names when tagged as such, or when they are places or titles.
  if (first) return !!lookupPlace(w.lower) || !!lookupDemonym(w.lower) || TITLES.has(w.lower);
  return pos === "NOUN" || pos === "ADJ" || TITLES.has(w.lower) || ORG_WORDS.has(w.lower) || !!lookupDemonym(w.lower);
}

/** Runs of name words, joined over "of"/"for" inside a name ("Society for International Politics Study"). */
function nameRuns(words: Word[]): Word[][] {
  const runs: Word[][] = [];
  let run: Word[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (isNameWord(w, i === 0)) {
      run.push(w);
      continue;
    }
    const next = words[i + 1];
    if (run.length && JOINERS.has(w.lower) && w.lower !== "and" && next && isNameWord(next, false) && isCapitalized(next.text)) {
      run.push(w);
      continue;
    }
    if (run.length) runs.push(trimJoiners(run));
    run = [];
  }
  if (run.length) runs.push(trimJoiners(run));
  return runs.filter((r) => r.length);
}

function trimJoiners(run: Word[]): Word[] {
  while (run.length && JOINERS.has(run[run.length - 1]!.lower)) run.pop();
  return run;
}

const span = (ws: Word[]) => ({
  start: ws[0]!.start,
  end: ws[ws.length - 1]!.end,
  text: ws.map((w, i) => (i ? " " : "") + w.text).join(""),
});

/** Splits and types one run of name words. */
function typeRun(run: Word[], aliases: AliasTable, people: PersonMemory, out: Entity[]): void {
  let i = 0;
  // A leading place, demonym or organization acronym: "South Korean Foreign Minister…", "NATO Secretary-General…".
  for (let len = Math.min(3, run.length); len >= 1 && i === 0; len--) {
    const head = run.slice(0, len);
    const lower = head.map((w) => w.lower).join(" ");
    const country = lookupDemonym(lower);
    const place = lookupPlace(lower);
    const rest = run.slice(len);
    if ((country || place) && rest.length && (country || TITLES.has(rest[0]!.lower) || ORG_WORDS.has(rest[0]!.lower))) {
      const canonical = country ?? place!.name;
      out.push({ kind: "place", ...span(head), canonical, key: nameKey(canonical) });
      i = len;
    } else if (len === 1 && isAcronym(head[0]!.text) && !PLACE_ACRONYMS.has(lower) && rest.length && TITLES.has(rest[0]!.lower)) {
      const canonical = canonicalName(aliases, head[0]!.text);
      out.push({ kind: "org", ...span(head), canonical, key: nameKey(canonical) });
      i = 1;
    }
  }
  const titleStart = i;
  // "Seoul-based Yonhap News Agency": the base is not part of the name.
  if (i < run.length - 1 && /-based$/.test(run[i]!.lower)) i++;
  while (i < run.length && TITLES.has(run[i]!.lower.replace(/[-‐‑]/g, "-")) && !ORG_WORDS.has(run[i]!.lower)) i++;
  // "Transport Minister Pieter Laan": a title may follow words the list does not know; the name starts after the last title word.
  for (let k = run.length - 2; k >= i; k--) {
    if (TITLES.has(run[k]!.lower) && !run.slice(k).some((w) => ORG_WORDS.has(w.lower))) {
      i = k + 1;
      break;
    }
  }
  const title = run
    .slice(titleStart, i)
    .map((w) => w.lower)
    .filter((w) => TITLES.has(w))
    .join(" ");
  const titled = !!title;
  const rest = run.slice(i);
  if (!rest.length) return;
  const s = span(rest);
  const lower = nameKey(s.text);
  const aliased = canonicalName(aliases, s.text);
  const place = lookupPlace(lower);
  if (titled && !rest.some((w) => ORG_WORDS.has(w.lower))) {
    const canonical = people.get(lower) ?? aliased;
    rememberPerson(people, canonical);
    out.push({ kind: "person", ...s, canonical, key: nameKey(canonical), title });
  } else if (rest.some((w) => ORG_WORDS.has(w.lower)) || (rest.length === 1 && isAcronym(rest[0]!.text) && !PLACE_ACRONYMS.has(lower))) {
    out.push({ kind: "org", ...s, canonical: aliased, key: nameKey(aliased) });
  } else if (lookupDemonym(lower)) {
    const canonical = lookupDemonym(lower)!;
    out.push({ kind: "place", ...s, canonical, key: nameKey(canonical) });
  } else if (place || lookupPlace(nameKey(aliased))) {
    out.push({
      kind: "place",
      ...s,
      canonical: aliased === s.text ? place!.name : aliased,
      key: nameKey(aliased === s.text ? place!.name : aliased),
    });
  } else if (people.has(lower)) {
    const canonical = people.get(lower)!;
    out.push({ kind: "person", ...s, canonical, key: nameKey(canonical) });
  } else if (aliased !== s.text) {
    out.push({ kind: kindOfCanonical(aliased), ...s, canonical: aliased, key: nameKey(aliased) });
  } else if (rest.some((w) => EVENT_WORDS.has(w.lower))) {
    out.push({ kind: "other", ...s, canonical: s.text, key: lower });
  } else if (rest.length >= 2 && rest.length <= 4 && rest.every((w) => w.tokens[0]!.pos === "PROPN")) {
    rememberPerson(people, s.text);
    out.push({ kind: "person", ...s, canonical: s.text, key: lower });
  } else {
    out.push({ kind: "other", ...s, canonical: s.text, key: lower });
  }
}

/** The kind of entity an alias's canonical name is. */
function kindOfCanonical(name: string): EntityKind {
  if (lookupPlace(nameKey(name))) return "place";
  if (isAcronym(name) || name.split(/\s+/).some((w) => ORG_WORDS.has(w.toLowerCase()))) return "org";
  return name.split(/\s+/).length >= 2 ? "person" : "other";
}

/**
 * The named entities of one sentence, in text order. `people` carries the
 * article's people from sentence to sentence (pass one map per article).
 */
export function findEntities(tokens: Token[], aliases: AliasTable, people: PersonMemory): Entity[] {
  const words = wordsOf(tokens);
  const out: Entity[] = [];
  for (const run of nameRuns(words)) {
    const before = out.length;
    typeRun(run, aliases, people, out);
    // "researcher Kim Tong Myong": a lower-case title before the name still says who the person is.
    const prev = words[words.indexOf(run[0]!) - 1];
    const person = out.slice(before).find((e) => e.kind === "person");
    if (person && !person.title && prev && TITLES.has(prev.lower)) person.title = prev.lower;
  }
  // Alias phrases that are not name runs ("the NATO chief", "North Korean state media").
  for (let i = 0; i < words.length; i++) {
    if (!aliases.firstWords.has(nameKey(words[i]!.text).split(" ")[0]!)) continue;
    for (let len = Math.min(aliases.maxWords, words.length - i); len >= 2; len--) {
      const ws = words.slice(i, i + len);
      if (!/[\p{L}\p{N}]$/u.test(ws[ws.length - 1]!.text) || !/^[\p{L}\p{N}]/u.test(ws[0]!.text)) continue;
      const canonical = aliases.byPhrase.get(nameKey(ws.map((w) => w.text).join(" ")));
      if (!canonical) continue;
      const s = span(ws);
      for (let k = out.length - 1; k >= 0; k--) if (out[k]!.start >= s.start && out[k]!.end <= s.end) out.splice(k, 1);
      // "NATO Secretary-General Jens Stoltenberg": a title phrase right before the name is not a second mention.
      const titleOfNext = out.some((e) => e.kind === "person" && e.start > s.end && e.start <= s.end + 1);
      if (!titleOfNext && !out.some((e) => e.start < s.end && s.start < e.end))
        out.push({ kind: kindOfCanonical(canonical), ...s, canonical, key: nameKey(canonical) });
      i += len - 1;
      break;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
