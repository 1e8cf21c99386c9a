/**
 * The evaluation set of the claim assistant, labelled by hand from
 * the five seed articles (seeds/articles, imported as the app imports them).
 * Sentences are named by article ("000"…"004") and the start of their text, so
 * the labels survive changes to sentence splitting that keep the words.
 *
 * - `worthy`: check-worthy sentences (a factual claim a desk could check: an
 *   event, a number, a date, a policy, who said what). Every other sentence of
 *   the article is labelled not check-worthy (headlines, captions, bylines,
 *   opinion and rhetoric, plans and schedules).
 * - `speakers`: who made the statement, for every sentence that has a speaker
 *   in the text (any one of the names counts); sentences not listed have none.
 * - `clusters`: sentences of different articles that state the same claim.
 *   `optional` pairs are related but arguable; they count neither way.
 * - `traps`: pairs that share words but are not the same claim (different
 *   speaker, request versus statement, an earlier statement by someone else).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { importArticleText } from "@/lib/anchoring/strip-furniture";

/** A sentence: article id and the start of its text. */
export type SentenceRef = readonly [article: string, prefix: string];

export const EVAL_ARTICLES = ["000", "001", "002", "003", "004"] as const;

/** The canonical text of each seed article, as the app imports it. */
export function seedTexts(dir = "seeds/articles"): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((x) => x.endsWith(".txt")))
    out[f.slice(0, 3)] = importArticleText(readFileSync(path.join(dir, f), "utf8")).text;
  return out;
}

export const WORTHY: Record<string, string[]> = {
  "000": [
    "NATO Secretary-General Jens Stoltenberg begins",
    "NATO wants to create",
    "In the South Korean capital",
    "The head of the military alliance",
    "Mr Stoltenberg also called",
    "In response, South Korean",
    "The NATO chief resumed",
    "South Korea has already signed",
    "But South Korean President",
    "However, Stoltenberg noted",
    "The visit of the Secretary-General",
    "While the military coalition",
    "Meanwhile, in an article",
    "Kim said the trip",
  ],
  "001": [
    "In his meeting with South Korean",
    "He also spoke of how",
    "Speaking at the Chey Institute",
    "In Japan, Jens Stoltenberg",
    "At last year’s NATO summit",
    "Japanese Prime Minister Fumio Kishida Japan",
    "North Korean state media",
    "In the run up to the NATO summit",
    "China’s UN Ambassador",
  ],
  "002": [
    "North Korea condemned his visits",
    "Tokyo: NATO Secretary-General",
    "However, concerned over",
    "Stoltenberg on Monday asked",
    "Japan was the first country",
    "Japanese Prime Minister Fumio Kishida has",
    "Japan also has significantly",
    "Speaking at the Chey Institute",
    "While in South Korea on Monday",
    "So far, Seoul has only",
    "Stoltenberg also met with",
    "Stoltenberg on Sunday mentioned",
    "In a statement released",
  ],
  "003": [
    "NATO Secretary-General Jens Stoltenberg’s rare visit",
    "Stoltenberg urged South Korea",
    "South Korea, Germany, Sweden",
    "Earlier, South Korean President",
    "“If we don’t want",
    "He also hinted",
    "The NATO secretary-general said",
    "He said that although",
    "Last June, the NATO summit",
    "Yoon Seok-yue spoke",
    "A South Korean official",
    "Yoon also called on NATO",
    "Pyongyang issued a statement",
    "Beijing has opposed",
  ],
  "004": [
    "North Korea on Monday blasted",
    "Stoltenberg is on an official",
    "The two nations in the far east",
    "While the NATO chief in Seoul",
    "“There was an urgent need",
    "According to Seoul-based",
    "Kim, however, said",
  ],
};

export const SPEAKERS: Record<string, [prefix: string, ...names: string[]][]> = {
  "000": [
    ["The head of the military alliance", "Jens Stoltenberg"],
    ["Mr Stoltenberg also called", "Jens Stoltenberg"],
    ["In response, South Korean", "Park Jin"],
    ["And the rule of law", "Park Jin"],
    ["But South Korean President", "Yoon Suk-yeol"],
    ["However, Stoltenberg noted", "Jens Stoltenberg"],
    ["While the military coalition", "NATO"],
    ["According to Neil Thomas", "Neil Thomas"],
    ["China's transformation", "Neil Thomas"],
    ["He added that new measures", "Neil Thomas"],
    ["Meanwhile, in an article", "Kim Tong-myong"],
    ["Come toEast Asia", "Kim Tong-myong"],
    ["Kim said the trip", "Kim Tong-myong"],
  ],
  "001": [
    ["In his meeting with South Korean", "Jens Stoltenberg"],
    ["He also spoke of how", "Jens Stoltenberg"],
    ["Speaking at the Chey Institute", "Jens Stoltenberg"],
    ["In an interview with South Korea", "Jens Stoltenberg"],
    ["Jim Townsend, the US deputy", "Jim Townsend"],
    ["“Stoltenberg’s visit is important", "Jim Townsend"],
    ["The war in Ukraine is having", "Jim Townsend"],
    ["Stoltenberg’s presence in Seoul", "Jim Townsend"],
    ["“This visit also signifies", "Jim Townsend"],
    ["This trip signifies", "Jim Townsend"],
    ["Japanese Prime Minister Fumio Kishida Japan", "Fumio Kishida"],
    ["North Korean state media", "KCNA", "North Korea"],
    ["China’s UN Ambassador", "Zhang Jun"],
    ["He then stressed", "Zhang Jun"],
    ["Jim Townsend said this kind", "Jim Townsend"],
    ["“They will say", "Jim Townsend"],
    ["But for NATO, this trip", "Jim Townsend"],
  ],
  "002": [
    ["As NATO Secretary-General Jens Stoltenberg reaches", "North Korea", "China"],
    ["North Korea condemned his visits", "North Korea"],
    ["Tokyo: NATO Secretary-General", "Jens Stoltenberg"],
    ["However, concerned over", "North Korea", "China"],
    ["Stoltenberg on Monday asked", "Jens Stoltenberg"],
    ["Japanese Prime Minister Fumio Kishida has", "Fumio Kishida"],
    ["Speaking at the Chey Institute", "Jens Stoltenberg"],
    ["While in South Korea on Monday", "Jens Stoltenberg"],
    ["Stoltenberg also met with", "Yoon’s office", "Yoon Suk Yeol"],
    ["Stoltenberg on Sunday mentioned", "Jens Stoltenberg"],
    ["In a statement released", "North Korea", "KCNA"],
  ],
  "003": [
    ["Stoltenberg urged South Korea", "Jens Stoltenberg"],
    ["South Korea, Germany, Sweden", "Jens Stoltenberg"],
    ["Earlier, South Korean President", "Yoon Seok-yue"],
    ["“If we don’t want", "Jens Stoltenberg"],
    ["He also hinted", "Jens Stoltenberg"],
    ["The NATO secretary-general said", "Jens Stoltenberg"],
    ["He said that although", "Jens Stoltenberg"],
    ["Yoon Seok-yue spoke", "Yoon Seok-yue"],
    ["A South Korean official", "South Korean official"],
    ["Yoon also called on NATO", "Yoon Seok-yue"],
    ["Pyongyang issued a statement", "North Korea"],
    ["Beijing has opposed", "China"],
  ],
  "004": [
    ["‘Asian version of NATO’", "North Korea"],
    ["North Korea on Monday blasted", "North Korea", "Jens Stoltenberg"],
    ["“The high-ranking chief", "Kim Tong Myong"],
    ["This fact itself gives", "Kim Tong Myong"],
    ["“Is the trip of the secretary", "Kim Tong Myong"],
    ["Kim asked.", "Kim Tong Myong"],
    ["While the NATO chief in Seoul", "Jens Stoltenberg"],
    ["“There was an urgent need", "Jens Stoltenberg"],
    ["However, the Pyongyang researcher", "Kim Tong Myong"],
    ["“NATO has put unprecedented", "Kim Tong Myong"],
    ["Various bilateral and multilateral", "KCNA"],
    ["According to Seoul-based", "Jens Stoltenberg", "Yonhap"],
    ["That is where to prevent", "Jens Stoltenberg"],
    ["Kim, however, said", "Kim Tong Myong"],
    ["Kim called it a", "Kim Tong Myong"],
    ["“It is quite natural", "Kim Tong Myong"],
    ["“It is as clear as noonday", "Kim Tong Myong"],
  ],
};

/** Groups of sentences (in different articles) that state one claim. */
export const CLUSTERS: { name: string; members: SentenceRef[] }[] = [
  {
    name: "Stoltenberg urges South Korea to step up military support for Ukraine",
    members: [
      ["000", "Mr Stoltenberg also called"],
      ["001", "He also spoke of how"],
      ["002", "While in South Korea on Monday"],
      ["002", "Speaking at the Chey Institute"],
      ["003", "Stoltenberg urged South Korea"],
      ["004", "North Korea on Monday blasted"],
      ["004", "While the NATO chief in Seoul"],
    ],
  },
  {
    name: "South Korea and Japan at the NATO summit in Madrid last year",
    members: [
      ["000", "The visit of the Secretary-General"],
      ["001", "At last year’s NATO summit"],
      ["003", "Last June, the NATO summit"],
      ["004", "The two nations in the far east"],
    ],
  },
  {
    name: "South Korea's arms deal with Poland",
    members: [
      ["000", "South Korea has already signed"],
      ["004", "Kim, however, said"],
    ],
  },
  {
    name: "North Korea: the visit brings the dark clouds of a new Cold War",
    members: [
      ["000", "Kim said the trip"],
      ["001", "North Korean state media"],
      ["003", "Pyongyang issued a statement"],
    ],
  },
  {
    name: "“autocracy and tyranny/dictatorship to win … need weapons”",
    members: [
      ["001", "Speaking at the Chey Institute"],
      ["003", "“If we don’t want"],
    ],
  },
  {
    name: "Yoon: South Korean law makes supplying weapons to Ukraine difficult",
    members: [
      ["000", "But South Korean President"],
      ["003", "Earlier, South Korean President"],
    ],
  },
  {
    name: "Germany, Sweden and Norway changed their no-weapons-to-conflicts policies",
    members: [
      ["000", "However, Stoltenberg noted"],
      ["003", "South Korea, Germany, Sweden"],
    ],
  },
  {
    name: "North Korea helping Russia's war",
    members: [
      ["000", "The head of the military alliance"],
      ["001", "In his meeting with South Korean"],
      ["002", "Stoltenberg on Sunday mentioned"],
    ],
  },
  {
    name: "North Korea: an “Asian version of NATO”",
    members: [
      ["002", "In a statement released"],
      ["004", "Kim called it a"],
    ],
  },
  {
    name: "Stoltenberg's trip: Seoul first, then Japan",
    members: [
      ["000", "NATO Secretary-General Jens Stoltenberg begins"],
      ["002", "Stoltenberg is in Seoul, the first stop"],
      ["004", "Stoltenberg is on an official"],
    ],
  },
  {
    name: "Stoltenberg meets Prime Minister Kishida in Japan",
    members: [
      ["000", "He is said to be meeting"],
      ["001", "In Japan, Jens Stoltenberg"],
    ],
  },
];

/** Related but arguable pairs: neither a hit nor a miss. */
export const OPTIONAL: [SentenceRef, SentenceRef][] = [
  [
    ["002", "Stoltenberg on Monday asked"],
    ["000", "Mr Stoltenberg also called"],
  ],
  [
    ["002", "Stoltenberg on Monday asked"],
    ["001", "He also spoke of how"],
  ],
  [
    ["002", "Stoltenberg on Monday asked"],
    ["003", "Stoltenberg urged South Korea"],
  ],
  [
    ["002", "Stoltenberg on Monday asked"],
    ["004", "North Korea on Monday blasted"],
  ],
  [
    ["002", "Stoltenberg on Monday asked"],
    ["004", "While the NATO chief in Seoul"],
  ],
  [
    ["000", "In the South Korean capital"],
    ["001", "In his meeting with South Korean"],
  ],
  [
    ["000", "In the South Korean capital"],
    ["002", "Stoltenberg also met with"],
  ],
  [
    ["000", "In the South Korean capital"],
    ["003", "NATO Secretary-General Jens Stoltenberg meets"],
  ],
  [
    ["001", "In his meeting with South Korean"],
    ["003", "NATO Secretary-General Jens Stoltenberg meets"],
  ],
  [
    ["000", "Meanwhile, in an article"],
    ["002", "North Korea condemned his visits"],
  ],
  [
    ["000", "Meanwhile, in an article"],
    ["004", "North Korea on Monday blasted"],
  ],
  [
    ["002", "North Korea condemned his visits"],
    ["004", "North Korea on Monday blasted"],
  ],
  [
    ["002", "North Korea condemned his visits"],
    ["003", "Pyongyang issued a statement"],
  ],
  [
    ["002", "North Korea condemned his visits"],
    ["001", "North Korean state media"],
  ],
  [
    ["004", "North Korea on Monday blasted"],
    ["003", "Pyongyang issued a statement"],
  ],
  [
    ["004", "North Korea on Monday blasted"],
    ["001", "North Korean state media"],
  ],
  [
    ["000", "NATO wants to create"],
    ["001", "North Korean state media"],
  ],
  [
    ["000", "NATO wants to create"],
    ["003", "Pyongyang issued a statement"],
  ],
  [
    ["002", "So far, Seoul has only"],
    ["000", "But South Korean President"],
  ],
  [
    ["002", "So far, Seoul has only"],
    ["003", "Earlier, South Korean President"],
  ],
  [
    ["001", "Japanese Prime Minister Fumio Kishida Japan"],
    ["002", "Japanese Prime Minister Fumio Kishida has"],
  ],
  [
    ["004", "While the NATO chief in Seoul"],
    ["000", "However, Stoltenberg noted"],
  ],
  [
    ["004", "While the NATO chief in Seoul"],
    ["003", "South Korea, Germany, Sweden"],
  ],
  [
    ["002", "Speaking at the Chey Institute"],
    ["004", "“There was an urgent need"],
  ],
  [
    ["004", "‘Asian version of NATO’"],
    ["002", "In a statement released"],
  ],
  [
    ["004", "“Is the trip of the secretary"],
    ["002", "In a statement released"],
  ],
  [
    ["002", "In a statement released"],
    ["001", "He then stressed"],
  ],
  [
    ["001", "In the run up to the NATO summit"],
    ["003", "Beijing has opposed"],
  ],
  [
    ["000", "Meanwhile, in an article"],
    ["004", "This fact itself gives"],
  ],
  [
    ["000", "Meanwhile, in an article"],
    ["004", "The Pyongyang-based news agency"],
  ],
  [
    ["000", "NATO Secretary-General Jens Stoltenberg begins"],
    ["001", "Jakarta – During his visit"],
  ],
  [
    ["000", "The NATO chief resumed"],
    ["002", "Stoltenberg is in Seoul, the first stop"],
  ],
  [
    ["000", "The NATO chief resumed"],
    ["004", "Stoltenberg is on an official"],
  ],
  [
    ["000", "In response, South Korean"],
    ["003", "NATO Secretary-General Jens Stoltenberg meets"],
  ],
];

/** Pairs that share words but are not the same claim. */
export const TRAPS: { why: string; pair: [SentenceRef, SentenceRef] }[] = [
  {
    why: "request vs statement, different speaker",
    pair: [
      ["002", "Stoltenberg on Monday asked"],
      ["003", "Earlier, South Korean President"],
    ],
  },
  {
    why: "request vs statement, different speaker",
    pair: [
      ["002", "Stoltenberg on Monday asked"],
      ["000", "But South Korean President"],
    ],
  },
  {
    why: "a year-earlier statement by someone else",
    pair: [
      ["001", "He then stressed"],
      ["004", "Kim called it a"],
    ],
  },
  {
    why: "a year-earlier statement by someone else",
    pair: [
      ["001", "China’s UN Ambassador"],
      ["000", "Kim said the trip"],
    ],
  },
  {
    why: "a year-earlier statement by someone else",
    pair: [
      ["001", "China’s UN Ambassador"],
      ["003", "Pyongyang issued a statement"],
    ],
  },
  {
    why: "different speaker (China opposed the invitation)",
    pair: [
      ["003", "Beijing has opposed"],
      ["000", "The visit of the Secretary-General"],
    ],
  },
  {
    why: "different speaker (China opposed the invitation)",
    pair: [
      ["003", "Beijing has opposed"],
      ["004", "The two nations in the far east"],
    ],
  },
  {
    why: "different speaker (Yoon's call on NATO)",
    pair: [
      ["003", "Yoon also called on NATO"],
      ["000", "Mr Stoltenberg also called"],
    ],
  },
  {
    why: "different speaker (Yoon's call on NATO)",
    pair: [
      ["003", "Yoon also called on NATO"],
      ["002", "While in South Korea on Monday"],
    ],
  },
];
