/**
 * Who said it: the speaker of a sentence when the text says so. Patterns, in
 * the order they are tried for each attribution verb of the sentence:
 *   - "according to KCNA";
 *   - inversion after a quotation: "…,” said Stoltenberg", "wrote researcher Kim in KCNA";
 *   - the subject before the verb: "Park told reporters", "…, Stoltenberg said",
 *     "Yoon's office said", "North Korean state media called…";
 *   - a pronoun ("he said") → the last named person who spoke in the paragraph
 *     (or, for a paragraph that is a quotation going on, in the one before);
 *   - "the researcher said" → the last person who spoke in the article.
 * A sentence inside a quotation that another sentence attributes ("“…. …,” he
 * told DW.") gets that speaker. Names go through the alias table, so "the NATO
 * chief" is Jens Stoltenberg.
 */
import type { Token } from "./nlp";
import type { Entity } from "./named-entities";
import { ATTRIBUTION_VERBS, PERSON_NOUNS, SPEAKER_NOUNS, SPEAKER_PRONOUNS } from "./lexicon";
import { canonicalName, nameKey, type AliasTable } from "./aliases";

/** How a speaker was found (shown as the reason). */
export type SpeakerVia = "according-to" | "inversion" | "subject" | "pronoun" | "description" | "quotation";

/** A sentence's speaker: the name, as written and canonical, and how it was found. */
export type Speaker = { name: string; text: string; via: SpeakerVia; kind?: "person" | "org" | "place" | "other" };

/** What attribution needs of a sentence. */
export type SpeakerInput = { text: string; paragraph: number; tokens: Token[]; entities: Entity[] };

const OPEN_QUOTES = /[“"‘«]/;
const CLOSE_QUOTE_TOKEN = /^[”"’»]+$/;
const isPunct = (t: Token) => t.pos === "PUNCT" || /^[,;:–—-]$/.test(t.text);

/** The entity (person, org or place used as an actor) covering a token, if any. */
const entityAt = (entities: Entity[], t: Token) => entities.find((e) => e.start <= t.start && t.end <= e.end && e.kind !== "other");

/** A speaker description ending at token `i` ("Yoon's office", "the Pyongyang researcher", "state media"). */
function descriptionEndingAt(tokens: Token[], i: number): { text: string; head: string; definite: boolean; first: number } | null {
  const head = tokens[i]!;
  if (!SPEAKER_NOUNS.has(head.lemma) && !SPEAKER_NOUNS.has(head.text.toLowerCase())) return null;
  let k = i;
  while (k > 0) {
    const t = tokens[k - 1]!;
    if (
      t.pos === "ADJ" ||
      t.pos === "PROPN" ||
      t.pos === "NOUN" ||
      t.pos === "PART" ||
      /^[’']s$/.test(t.text) ||
      (!t.spaced && /^[-‐]$/.test(t.text)) ||
      (!tokens[k]!.spaced && t.pos !== "PUNCT")
    )
      k--;
    else break;
  }
  const det = tokens[k - 1];
  const definite = !!det && /^(the|this|that)$/i.test(det.text);
  const first = det && det.pos === "DET" ? k - 1 : k;
  const text = tokens
    .slice(first, i + 1)
    .map((t, n) => (n && t.spaced ? " " : "") + t.text)
    .join("");
  return { text, head: head.text.toLowerCase(), definite, first };
}

/** State carried through an article: who spoke last, per paragraph and overall. */
export type SpeakerState = {
  lastPerson: Speaker | null;
  paragraph: number;
  paragraphPerson: Speaker | null;
  previousParagraphPerson: Speaker | null;
  /** The last person introduced with each title word ("researcher" → Kim Tong Myong), for "the Pyongyang researcher said". */
  byTitle: Map<string, Speaker>;
};

const newSpeakerState = (): SpeakerState => ({
  lastPerson: null,
  paragraph: -1,
  paragraphPerson: null,
  previousParagraphPerson: null,
  byTitle: new Map(),
});

const CAPITALIZED_OR_DET = (t: Token) => t.pos === "DET" || /^\p{Lu}/u.test(t.text) || /^[-‐’']|^s$/.test(t.text);

/**
 * Whether an entity is the object of a preposition or a verb, or modifies a
 * noun ("in Seoul", "thanked South Korea", "his East Asia tour"): then it is
 * not the subject of a verb further right.
 */
function isNotSubject(tokens: Token[], e: Entity, verb: number): boolean {
  const after = tokens.find((x) => x.start >= e.end);
  if (after && after.start === e.end + 1 && after.pos === "NOUN") return true;
  let k = tokens.findIndex((x) => x.start >= e.start) - 1;
  for (;;) {
    while (k >= 0 && CAPITALIZED_OR_DET(tokens[k]!) && tokens[k]!.pos !== "ADP") k--;
    // "visits to South Korea and Japan": a conjunct shares the first one's role.
    if (k > 0 && tokens[k]!.pos === "CCONJ" && CAPITALIZED_OR_DET(tokens[k - 1]!)) k--;
    else break;
  }
  const before = tokens[k];
  if (!before) return false;
  // "as Jens Stoltenberg urged", "while Stoltenberg on Monday asked": a clause opener, and the name right before its verb.
  const adjacent = tokens
    .filter((x) => x.start >= e.end && x.start < tokens[verb]!.start)
    .every((x) => x.pos === "ADV" || x.pos === "AUX" || x.entity === "DATE" || /^(on|also)$/i.test(x.text));
  if (adjacent && /^(as|while|when|after|because|since|if|though|although)$/i.test(before.text)) return false;
  return before.pos === "ADP" || (before.pos === "VERB" && !/ing$/.test(before.text));
}

function fromEntity(aliases: AliasTable, e: Entity, via: SpeakerVia): Speaker {
  return { name: canonicalName(aliases, e.canonical), text: e.text, via, kind: e.kind };
}

/** The subject of the verb at `v`: the nearest actor to its left within the clause. */
function subjectOf(s: SpeakerInput, v: number, state: SpeakerState, aliases: AliasTable): Speaker | null {
  // "Jim Townsend, the US deputy assistant secretary …, described": a name opening the sentence before an appositive.
  const opening = s.entities[0];
  if (opening && opening.kind === "person" && opening.start === s.tokens[0]!.start) {
    const next = s.tokens.find((x) => x.start >= opening.end);
    if (next?.text === "," && s.tokens.slice(s.tokens.indexOf(next) + 1, v).some((x) => x.text === ","))
      return fromEntity(aliases, opening, "subject");
  }
  // "He also spoke of how Europe and Asia could … and called on South Korea": a coordinated verb shares the main clause's subject.
  if (v > 0 && s.tokens[v - 1]!.pos === "CCONJ") {
    const firstVerb = s.tokens.findIndex((x) => x.pos === "VERB");
    if (firstVerb >= 0 && firstVerb < v - 1) return subjectOf(s, firstVerb, state, aliases);
  }
  for (let i = v - 1; i >= 0; i--) {
    const t = s.tokens[i]!;
    // A clause boundary: a closing quotation or a semicolon ends the search; "said" after a quotation looks only at what follows.
    if (t.text === ";" || (CLOSE_QUOTE_TOKEN.test(t.text) && (i === v - 1 || s.tokens[i + 1]?.text === ","))) return null;
    if (t.pos === "AUX" && i === v - 1 && /^(is|are|was|were|be|been)$/i.test(t.text)) return null; // "is said to": a hedge, not a speaker
    const e = entityAt(s.entities, t);
    if (e && isNotSubject(s.tokens, e, v)) {
      i = s.tokens.findIndex((x) => x.start >= e.start);
      continue;
    }
    if (e) {
      // "Stoltenberg’s visit … shows": a possessive is not the subject.
      const after = s.tokens.find((x) => x.start >= e.end);
      if (after && /^[’']s$/.test(after.text) && after.start === e.end) {
        const d = descriptionEndingAt(s.tokens, s.tokens.indexOf(after) + 1);
        if (d && s.tokens.indexOf(after) + 1 <= v - 1) return { name: d.text, text: d.text, via: "description" };
        continue;
      }
      return fromEntity(aliases, e, "subject");
    }
    if (t.pos === "PRON" && SPEAKER_PRONOUNS.has(t.text.toLowerCase())) {
      const prior = state.paragraphPerson ?? state.previousParagraphPerson;
      return prior ? { name: prior.name, text: t.text, via: "pronoun", kind: "person" } : null;
    }
    const d = descriptionEndingAt(s.tokens, i);
    if (d) {
      // "The head of the military alliance told": "head of" + an alias of NATO may be a known alias ("the head of NATO").
      const of = s.tokens[i + 1]?.text === "of" ? s.entities.find((x) => x.start > t.start && x.start <= t.end + 10) : undefined;
      if (of) {
        const named = canonicalName(aliases, `${d.head} of ${of.canonical}`);
        if (named !== `${d.head} of ${of.canonical}`) return { name: named, text: d.text, via: "description", kind: "person" };
      }
      // An appositive ("Kim Tong-myong, a North Korean researcher, … condemned"): the name before it is the subject.
      const before = s.tokens[d.first - 1];
      const named = before?.text === "," ? s.tokens[d.first - 2] && entityAt(s.entities, s.tokens[d.first - 2]!) : undefined;
      if (named && named.kind === "person") return fromEntity(aliases, named, "subject");
      if (d.definite && PERSON_NOUNS.has(d.head)) {
        const known = state.byTitle.get(d.head) ?? state.lastPerson ?? state.paragraphPerson;
        if (known) return { name: known.name, text: d.text, via: "description", kind: "person" };
      }
      const aliased = canonicalName(aliases, d.text);
      return { name: aliased === d.text ? d.text.replace(/^(the|a|an)\s+/i, "") : aliased, text: d.text, via: "description" };
    }
    if (t.pos === "VERB" && ATTRIBUTION_VERBS.has(t.lemma)) return null;
    // "Park told reporters": a capitalized word opening the sentence right before the verb, even where the tagger missed the name.
    if (i === 0 && v === 1 && /^\p{Lu}\p{Ll}+$/u.test(t.text) && (t.pos === "NOUN" || t.pos === "PROPN"))
      return { name: t.text, text: t.text, via: "subject", kind: "person" };
  }
  return null;
}

/** The speaker after an attribution verb in an inversion: "…,” said Stoltenberg", "wrote researcher Kim". */
function invertedSubject(s: SpeakerInput, v: number, aliases: AliasTable): Speaker | null {
  const before = s.tokens[v - 1];
  const quoted =
    before && (CLOSE_QUOTE_TOKEN.test(before.text) || (before.text === "," && CLOSE_QUOTE_TOKEN.test(s.tokens[v - 2]?.text ?? "")));
  if (!quoted) return null;
  // The name right after the verb, titles allowed between: "said Stoltenberg", "wrote researcher Kim Tong Myong".
  for (let i = v + 1; i < Math.min(s.tokens.length, v + 4); i++) {
    const e = entityAt(s.entities, s.tokens[i]!);
    if (e && (e.kind === "person" || e.kind === "org")) return fromEntity(aliases, e, "inversion");
    if (!/^\p{Lu}/u.test(s.tokens[i]!.text) && !TITLES_LOWER.test(s.tokens[i]!.text)) break;
  }
  return null;
}

const TITLES_LOWER = /^(researcher|analyst|minister|president|spokesperson|spokesman|official|chief)$/i;

/** "according to KCNA" / "according to Seoul-based Yonhap News Agency". */
function accordingTo(s: SpeakerInput, aliases: AliasTable): Speaker | null {
  for (let i = 0; i + 2 < s.tokens.length; i++) {
    if (s.tokens[i]!.text.toLowerCase() !== "according" || s.tokens[i + 1]!.text.toLowerCase() !== "to") continue;
    for (let k = i + 2; k < Math.min(s.tokens.length, i + 8); k++) {
      const t = s.tokens[k]!;
      const e = entityAt(s.entities, t);
      if (e) return fromEntity(aliases, e, "according-to");
      if (isPunct(t) && t.spaced) break;
    }
  }
  return null;
}

/**
 * The speakers of each sentence of an article, in order. Sentences are given
 * in text order with their paragraph numbers; `aliases` canonicalizes names.
 */
export function attributeSpeakers(sentences: SpeakerInput[], aliases: AliasTable): Speaker[][] {
  const state = newSpeakerState();
  const out: Speaker[][] = [];
  // Sentences inside a quotation that opened in an earlier sentence of the paragraph and is not yet closed.
  let openQuote: number[] = [];
  let quoteDepthOpen = false;
  for (let n = 0; n < sentences.length; n++) {
    const s = sentences[n]!;
    if (s.paragraph !== state.paragraph) {
      state.previousParagraphPerson = state.paragraphPerson ?? state.previousParagraphPerson;
      state.paragraphPerson = null;
      state.paragraph = s.paragraph;
      openQuote = [];
      quoteDepthOpen = false;
    }
    const speakers: Speaker[] = [];
    const according = accordingTo(s, aliases);
    if (according) speakers.push(according);
    // Verbs inside a quotation are the speaker's words, not attributions ("… to emphasize again …,” he said).
    let depth = quoteDepthOpen ? 1 : 0;
    s.tokens.forEach((t, v) => {
      if (/^[“«]$/.test(t.text) || (t.text === '"' && depth === 0)) depth++;
      else if (/^[”»]$/.test(t.text) || (t.text === '"' && depth > 0)) depth = Math.max(0, depth - 1);
      if (depth > 0) return;
      if (!(t.pos === "VERB" || t.pos === "AUX") || !ATTRIBUTION_VERBS.has(t.lemma)) return;
      // "call" attributes only as "call on/for" or "called X Y" with a quotation; "speak" only as "speaking at/to" with a quote.
      const found = invertedSubject(s, v, aliases) ?? subjectOf(s, v, state, aliases);
      if (found && !speakers.some((x) => nameKey(x.name) === nameKey(found.name))) speakers.push(found);
      // "While the NATO chief … lauded …, he urged it": a later "he" in the same sentence refers to this speaker.
      if (found?.kind === "person") state.paragraphPerson = found;
    });
    for (const e of s.entities) {
      if (e.kind !== "person" || !e.title) continue;
      for (const w of e.title.split(" "))
        state.byTitle.set(w, { name: canonicalName(aliases, e.canonical), text: e.text, via: "description", kind: "person" });
    }
    // Quotation bookkeeping: count quote marks to know whether a quotation stays open after this sentence.
    const opens = (s.text.match(/[“«]/g) ?? []).length + ((s.text.match(/"/g) ?? []).length % 2 === 1 && !quoteDepthOpen ? 1 : 0);
    const closes = (s.text.match(/[”»]/g) ?? []).length + ((s.text.match(/"/g) ?? []).length % 2 === 1 && quoteDepthOpen ? 1 : 0);
    const startsInQuote = quoteDepthOpen;
    if (opens > closes) quoteDepthOpen = true;
    else if (closes > opens) quoteDepthOpen = false;
    if (speakers.length) {
      for (const k of openQuote) if (!out[k]!.length) out[k] = speakers.map((x) => ({ ...x, via: "quotation" as const }));
      openQuote = [];
    } else if (startsInQuote || (OPEN_QUOTES.test(s.text.slice(0, 2)) && quoteDepthOpen)) {
      openQuote.push(n);
      // A quotation opened by an attributed sentence ("He then stressed, “…”") keeps that sentence's speaker.
      const prev = out[n - 1];
      if (startsInQuote && prev?.length && sentences[n - 1]!.paragraph === s.paragraph) {
        out.push(prev.map((x) => ({ ...x, via: "quotation" as const })));
        continue;
      }
    }
    // "“Is the trip … aimed to …?” / Kim asked.": a short attribution sentence names the speaker of the quotation before it.
    const prevQuoted = n > 0 && sentences[n - 1]!.paragraph === s.paragraph && /^[“"‘]/.test(sentences[n - 1]!.text) && !out[n - 1]!.length;
    if (speakers.length && prevQuoted && s.tokens.filter((t) => t.pos !== "PUNCT").length <= 4)
      out[n - 1] = speakers.map((x) => ({ ...x, via: "quotation" as const }));
    out.push(speakers);
    const person = speakers.find((x) => x.kind === "person");
    // Only a name that opens the sentence outside a quotation makes "he" resolvable ("Stoltenberg met …").
    const named = s.entities.find(
      (e) => e.kind === "person" && s.tokens.findIndex((t) => t.start >= e.start) <= 3 && !OPEN_QUOTES.test(s.text[0] ?? ""),
    );
    if (person) {
      state.paragraphPerson = person;
      state.lastPerson = person;
    } else if (named && !state.paragraphPerson) {
      // "Kim Tong-myong, a North Korean researcher, … Kim said": a named person makes a later "he" resolvable.
      state.paragraphPerson = { name: canonicalName(aliases, named.canonical), text: named.text, via: "subject", kind: "person" };
    }
  }
  return out;
}
