/**
 * Whether a speaker's name names an organization or a person, for
 * ClaimReview's `itemReviewed.author` (an Organization or a Person). The desk
 * records the speaker as free text, so this reads the name: an acronym
 * ("NATO", "KCNA"), or a word that organizations carry in their names
 * (ministry, party, agency, inc…) in several languages, means an
 * organization; anything else is taken for a person, the common case of a
 * quoted claim. Pure, and tested on both kinds (speaker-type.test.ts).
 */

const ORGANIZATION_WORDS = [
  // English
  "ministry",
  "minister's office",
  "department",
  "agency",
  "office",
  "government",
  "administration",
  "council",
  "committee",
  "commission",
  "parliament",
  "assembly",
  "congress",
  "senate",
  "party",
  "union",
  "association",
  "federation",
  "foundation",
  "institute",
  "university",
  "college",
  "school",
  "hospital",
  "bank",
  "fund",
  "company",
  "corporation",
  "corp",
  "inc",
  "ltd",
  "llc",
  "plc",
  "group",
  "organization",
  "organisation",
  "alliance",
  "coalition",
  "army",
  "navy",
  "police",
  "court",
  "embassy",
  "news",
  "times",
  "post",
  "press",
  "tv",
  "radio",
  "network",
  "channel",
  "agency",
  "center",
  "centre",
  "bureau",
  "board",
  "authority",
  "service",
  "forces",
  "staff",
  "secretariat",
  "campaign",
  "movement",
  "league",
  "society",
  "club",
  "church",
  "trust",
  "watch",
  "media",
  "daily",
  "journal",
  "gazette",
  "herald",
  // Other languages the desk meets
  "ministerium",
  "regierung",
  "partei",
  "ministère",
  "gouvernement",
  "parti",
  "ministerio",
  "gobierno",
  "partido",
  "ministero",
  "governo",
  "부",
  "청",
  "원",
  "당",
  "위원회",
  "정부",
  "省",
  "庁",
  "党",
  "政府",
  "委員会",
];

const WORD = new RegExp(
  `(^|[\\s,.'’()])(${ORGANIZATION_WORDS.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|")})($|[\\s,.'’()-])`,
  "iu",
);

/** "Organization" or "Person" for a speaker's name. */
export function speakerType(name: string): "Organization" | "Person" {
  const n = name.trim();
  // An acronym of two to eight capitals (and digits), alone or leading: NATO, UN, G7, KCNA, WHO.
  if (/^[\p{Lu}][\p{Lu}\d&]{1,7}(?:\s|$)/u.test(n) && !/^[\p{Lu}]\.?\s/u.test(n)) return "Organization";
  if (WORD.test(n)) return "Organization";
  // Hangul or Han names of institutions end in a one-character suffix (국방부, 外務省).
  if (/[\p{Script=Hangul}\p{Script=Han}]+(?:부|청|원|당|省|庁|党)$/u.test(n) && [...n].length > 2) return "Organization";
  return "Person";
}
