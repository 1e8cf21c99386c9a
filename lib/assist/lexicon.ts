/**
 * Word lists behind the explainable features (check-worthiness, attribution,
 * request versus statement). Lemmas, lower case. Short on purpose: each entry
 * is a reason a person can read next to a suggestion.
 */

/** Verbs that attribute a statement to someone ("said", "told reporters", "urged"). */
export const ATTRIBUTION_VERBS = new Set([
  "say", "tell", "state", "claim", "add", "explain", "stress", "note", "warn", "urge", "ask", "call", "accuse", "condemn",
  "criticize", "criticise", "blast", "slam", "announce", "report", "write", "describe", "insist", "argue", "deny", "confirm",
  "mention", "reiterate", "hint", "suggest", "demand", "praise", "laud", "thank", "allege", "declare", "admit", "acknowledge",
  "emphasize", "emphasise", "comment", "respond", "reply", "tweet", "post", "assert", "contend", "maintain", "vow",
  "pledge", "promise", "predict", "estimate", "caution", "concede", "lament", "complain", "boast", "recall", "reveal", "disclose", "brief", "express", "told", "said",
]);

/** Verbs (and "call on/for") that make a statement a request to someone else, not a statement of fact. */
export const REQUEST_VERBS = new Set(["urge", "ask", "demand", "request", "appeal", "press", "encourage", "implore", "invite", "exhort"]);

/** Modal words of obligation that make a statement a request or recommendation. */
export const REQUEST_MODALS = new Set(["should", "must", "ought"]);

/** Hedges: the text itself signals doubt or second-hand knowledge. */
export const HEDGES = new Set([
  "may", "might", "could", "reportedly", "allegedly", "suspect", "suspected", "believe", "believed", "appear", "appears", "seem",
  "seems", "possibly", "likely", "unlikely", "perhaps", "apparently", "purportedly", "rumored", "rumoured", "unconfirmed", "possible",
]);

/** Superlatives and comparatives that make a checkable claim ("first", "largest", "unprecedented"). */
export const SUPERLATIVES = new Set([
  "first", "largest", "biggest", "highest", "lowest", "most", "least", "only", "never", "ever", "record", "unprecedented",
  "longest", "shortest", "worst", "best", "fastest", "slowest", "greatest", "smallest", "latest", "oldest", "newest", "top",
  "more", "less", "fewer", "larger", "bigger", "higher", "lower", "greater", "smaller", "double", "triple", "half", "majority",
  "minority", "increase", "decrease", "rise", "fall", "surge", "drop", "significantly", "sharply",
]);

/** Causal links: a claim that one thing led to another. */
export const CAUSAL = new Set(["because", "cause", "due", "therefore", "thus", "consequently", "result", "lead", "led", "hence", "trigger", "blame"]);

/** Vague quantities that count as numbers ("hundreds of tanks"). */
export const QUANTITY_WORDS = new Set([
  "hundred", "hundreds", "thousand", "thousands", "million", "millions", "billion", "billions", "trillion", "dozen", "dozens",
  "half", "third", "quarter", "percent", "per cent", "majority", "several", "numerous", "twice",
]);

/** Pronouns that refer back to the last named speaker. */
export const SPEAKER_PRONOUNS = new Set(["he", "she"]);

/** Nouns that can head a speaker's description ("Yoon's office", "a South Korean official", "state media"). */
export const SPEAKER_NOUNS = new Set([
  "office", "official", "officials", "ministry", "media", "agency", "spokesperson", "spokesman", "spokeswoman", "government",
  "researcher", "analyst", "minister", "president", "chief", "head", "article", "report", "source", "sources", "diplomat",
  "ambassador", "envoy", "expert", "experts", "military", "army", "police", "secretary-general", "leader", "prosecutors",
  "lawmaker", "lawmakers", "observer", "observers", "critics", "officer", "embassy", "commander",
]);

/** Person nouns: "the researcher said" refers back to the last person who spoke. */
export const PERSON_NOUNS = new Set([
  "head", "researcher", "analyst", "minister", "president", "chief", "diplomat", "ambassador", "envoy", "expert", "spokesperson",
  "spokesman", "spokeswoman", "secretary-general", "leader", "official", "officer", "commander", "lawmaker",
]);

/** Words that never carry a claim's content in retrieval (beyond wink's own stop words). */
export const STOP_LEMMAS = new Set([
  "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "by", "from", "as", "that", "this", "these",
  "those", "it", "its", "be", "have", "do", "will", "would", "can", "shall", "he", "she", "they", "we", "i", "you", "his", "her",
  "their", "our", "my", "your", "which", "who", "whom", "whose", "what", "when", "where", "while", "also", "so", "than", "then",
  "there", "here", "into", "onto", "over", "under", "about", "after", "before", "such", "not", "no", "if", "up", "out", "all",
  "any", "some", "more", "most", "other", "own", "same", "just", "only", "very", "even", "still", "both", "each", "s", "'s", "’s",
  "mr", "mrs", "ms", "said", "say", "tell", "add", "told", "according", "however", "meanwhile", "yet", "already", "one", "us",
  "them", "him", "me", "were", "was", "is", "are", "been", "being", "had", "has", "did", "does", "done",
]);

/** Lemma classes: words news outlets use for the same act, so "urged" and "called on" meet in retrieval. */
export const LEMMA_CLASSES: Record<string, string> = {
  urge: "urge", ask: "urge", call: "urge", press: "urge", demand: "urge", appeal: "urge", encourage: "urge",
  aid: "support", support: "support", assistance: "support", help: "support", assist: "support", backing: "support",
  military: "military", militarily: "military", defense: "military", defence: "military", armed: "military",
  weapon: "weapon", arm: "weapon", arms: "weapon", ammunition: "weapon", munition: "weapon",
  increase: "increase", boost: "increase", raise: "increase", expand: "increase", strengthen: "increase", more: "increase",
  condemn: "condemn", criticize: "condemn", criticise: "condemn", blast: "condemn", slam: "condemn", denounce: "condemn",
  visit: "visit", trip: "visit", tour: "visit",
  export: "export", supply: "export", ship: "export", provide: "export", sell: "export", sale: "export",
  ban: "ban", bar: "ban", prohibit: "ban", forbid: "ban", restrict: "ban",
  war: "war", conflict: "war", invasion: "war", aggression: "war",
  deal: "deal", contract: "deal", agreement: "deal",
  tyranny: "tyranny", dictatorship: "tyranny", autocracy: "autocracy", authoritarian: "autocracy",
  summit: "summit", meeting: "meeting", talk: "meeting", negotiation: "meeting", negotiate: "meeting",
  resume: "return", return: "return", restart: "return",
  halt: "stop", stop: "stop", suspend: "stop", paralyze: "stop", paralyse: "stop",
  nuclear: "nuclear", atomic: "nuclear",
  win: "win", prevail: "win", triumph: "win",
};
