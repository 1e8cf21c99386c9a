/**
 * Word lists that type proper-noun runs (named-entities.ts). Country names come
 * from the runtime's own ICU data (Intl.DisplayNames over ISO 3166 codes), so
 * no list of countries is kept here; cities, regions, demonyms, titles and
 * organization words are short lists a newsroom can read and extend (team
 * aliases cover the rest: lib/assist/aliases.ts).
 */
import { dictionary } from "./dictionary";

const REGION_CODES =
  "AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PS PT PW PY QA RO RS RU RW SA SB SC SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TW TZ UA UG US UY UZ VA VC VE VN VU WS XK YE ZA ZM ZW HK MO";

/** Common short or older names the ICU names miss, mapped to the ICU name. */
const COUNTRY_VARIANTS = dictionary<string>({
  us: "United States",
  "u.s.": "United States",
  usa: "United States",
  "u.s.a.": "United States",
  america: "United States",
  "united states of america": "United States",
  uk: "United Kingdom",
  "u.k.": "United Kingdom",
  britain: "United Kingdom",
  "great britain": "United Kingdom",
  korea: "South Korea",
  "republic of korea": "South Korea",
  rok: "South Korea",
  dprk: "North Korea",
  "democratic people's republic of korea": "North Korea",
  "democratic people’s republic of korea": "North Korea",
  "russian federation": "Russia",
  holland: "Netherlands",
  "czech republic": "Czechia",
  burma: "Myanmar",
  turkiye: "Turkey",
  türkiye: "Turkey",
  prc: "China",
  "people's republic of china": "China",
  "mainland china": "China",
});

/** Demonyms and adjectives that name a country ("South Korean law", "Japanese officials"). */
const DEMONYMS = dictionary<string>({
  "south korean": "South Korea",
  "north korean": "North Korea",
  korean: "South Korea",
  japanese: "Japan",
  chinese: "China",
  russian: "Russia",
  ukrainian: "Ukraine",
  american: "United States",
  british: "United Kingdom",
  german: "Germany",
  french: "France",
  polish: "Poland",
  swedish: "Sweden",
  norwegian: "Norway",
  finnish: "Finland",
  italian: "Italy",
  spanish: "Spain",
  turkish: "Turkey",
  hungarian: "Hungary",
  indian: "India",
  taiwanese: "Taiwan",
  australian: "Australia",
  canadian: "Canada",
  dutch: "Netherlands",
  belgian: "Belgium",
  israeli: "Israel",
  iranian: "Iran",
  iraqi: "Iraq",
  syrian: "Syria",
  palestinian: "Palestinian Territories",
  egyptian: "Egypt",
  saudi: "Saudi Arabia",
  mexican: "Mexico",
  brazilian: "Brazil",
  indonesian: "Indonesia",
  filipino: "Philippines",
  vietnamese: "Vietnam",
  pakistani: "Pakistan",
  belarusian: "Belarus",
  georgian: "Georgia",
  estonian: "Estonia",
  latvian: "Latvia",
  lithuanian: "Lithuania",
  romanian: "Romania",
  greek: "Greece",
  austrian: "Austria",
  swiss: "Switzerland",
  danish: "Denmark",
  irish: "Ireland",
  portuguese: "Portugal",
  czech: "Czechia",
  slovak: "Slovakia",
  serbian: "Serbia",
  croatian: "Croatia",
  european: "Europe",
  asian: "Asia",
  african: "Africa",
});

/** Cities (capitals and places the news names often), each with its country for alias agreement. */
const CITIES = dictionary<string>({
  seoul: "South Korea",
  pyongyang: "North Korea",
  tokyo: "Japan",
  beijing: "China",
  shanghai: "China",
  taipei: "Taiwan",
  moscow: "Russia",
  kyiv: "Ukraine",
  kiev: "Ukraine",
  kharkiv: "Ukraine",
  washington: "United States",
  "new york": "United States",
  london: "United Kingdom",
  paris: "France",
  berlin: "Germany",
  madrid: "Spain",
  rome: "Italy",
  brussels: "Belgium",
  warsaw: "Poland",
  stockholm: "Sweden",
  oslo: "Norway",
  helsinki: "Finland",
  ankara: "Turkey",
  istanbul: "Turkey",
  budapest: "Hungary",
  vilnius: "Lithuania",
  riga: "Latvia",
  tallinn: "Estonia",
  minsk: "Belarus",
  jakarta: "Indonesia",
  "new delhi": "India",
  delhi: "India",
  canberra: "Australia",
  ottawa: "Canada",
  geneva: "Switzerland",
  vienna: "Austria",
  "the hague": "Netherlands",
  amsterdam: "Netherlands",
  tehran: "Iran",
  jerusalem: "Israel",
  "tel aviv": "Israel",
  cairo: "Egypt",
  riyadh: "Saudi Arabia",
  manila: "Philippines",
  hanoi: "Vietnam",
  bangkok: "Thailand",
  singapore: "Singapore",
  busan: "South Korea",
  osaka: "Japan",
  sayama: "Japan",
  iruma: "Japan",
  hong: "Hong Kong",
  kabul: "Afghanistan",
  baghdad: "Iraq",
  damascus: "Syria",
});

/** Regions and seas: places, not countries. */
const REGIONS = new Set([
  "asia",
  "europe",
  "africa",
  "east asia",
  "south asia",
  "southeast asia",
  "central asia",
  "middle east",
  "indo pacific",
  "asia pacific",
  "pacific",
  "atlantic",
  "euro atlantic",
  "european atlantic",
  "north america",
  "latin america",
  "south china sea",
  "east china sea",
  "korean peninsula",
  "far east",
  "arctic",
  "balkans",
  "baltics",
  "scandinavia",
  "taiwan strait",
  "crimea",
  "donbas",
]);

let countries: Map<string, string> | null = null;
/** Lower-cased country name → the country's English name. */
function countryNames(): Map<string, string> {
  if (countries) return countries;
  const names = new Map<string, string>();
  const display = new Intl.DisplayNames(["en"], { type: "region" });
  for (const code of REGION_CODES.split(" ")) {
    const name = display.of(code);
    if (name && name !== code) names.set(name.toLowerCase(), name);
  }
  for (const [variant, name] of Object.entries(COUNTRY_VARIANTS)) names.set(variant, name);
  countries = names;
  return names;
}

/** What a place name refers to: its canonical name and the country it lies in (for agreement between outlets). */
export type PlaceInfo = { name: string; country: string | null; kind: "country" | "city" | "region" };

/** The place a (lower-cased) name means, if it is one. */
export function lookupPlace(lower: string): PlaceInfo | null {
  const key = lower
    .replace(/[’']s$/, "")
    .replace(/[-‐‑]/g, " ")
    .trim();
  const country = countryNames().get(key);
  if (country) return { name: country, country, kind: "country" };
  const city = CITIES[key];
  if (city) return { name: titleCase(key), country: city, kind: "city" };
  if (REGIONS.has(key)) return { name: titleCase(key), country: null, kind: "region" };
  return null;
}

/** The country a demonym names ("South Korean" → South Korea). */
export function lookupDemonym(lower: string): string | null {
  return DEMONYMS[lower] ?? null;
}

/** Titles before a person's name ("Foreign Minister Park Jin", "NATO Secretary-General Jens Stoltenberg"). */
export const TITLES = new Set([
  "president",
  "vice",
  "prime",
  "minister",
  "secretary",
  "general",
  "secretary-general",
  "chancellor",
  "ambassador",
  "envoy",
  "mr",
  "mr.",
  "mrs",
  "mrs.",
  "ms",
  "ms.",
  "dr",
  "dr.",
  "sen.",
  "senator",
  "rep.",
  "representative",
  "governor",
  "mayor",
  "king",
  "queen",
  "prince",
  "premier",
  "chief",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "deputy",
  "foreign",
  "defense",
  "defence",
  "finance",
  "interior",
  "trade",
  "unification",
  "national",
  "security",
  "adviser",
  "advisor",
  "director",
  "chairman",
  "chairwoman",
  "chair",
  "commander",
  "admiral",
  "lieutenant",
  "colonel",
  "gen.",
  "lt.",
  "col.",
  "pope",
  "assistant",
  "undersecretary",
  "researcher",
  "analyst",
  "professor",
  "prof.",
  "leader",
  "head",
  "ceo",
  "founder",
  "editor",
  "justice",
  "judge",
  "officer",
]);

/** Words that make a proper-noun run an organization ("Korean Central News Agency", "Chey Institute"). */
export const ORG_WORDS = new Set([
  "agency",
  "institute",
  "institution",
  "ministry",
  "organization",
  "organisation",
  "alliance",
  "union",
  "council",
  "group",
  "party",
  "bank",
  "fund",
  "office",
  "university",
  "news",
  "committee",
  "association",
  "forces",
  "army",
  "navy",
  "society",
  "center",
  "centre",
  "department",
  "commission",
  "corporation",
  "company",
  "inc",
  "inc.",
  "ltd",
  "ltd.",
  "times",
  "post",
  "press",
  "media",
  "parliament",
  "congress",
  "senate",
  "assembly",
  "court",
  "government",
  "administration",
  "cabinet",
  "foundation",
  "federation",
  "network",
  "tv",
  "radio",
  "daily",
  "herald",
  "journal",
  "reuters",
  "service",
  "staff",
  "command",
]);

/** Words that make a proper-noun run an event or a thing, never a person ("Cold War", "Madrid summit"). */
export const EVENT_WORDS = new Set([
  "war",
  "summit",
  "games",
  "olympics",
  "crisis",
  "agreement",
  "treaty",
  "accord",
  "act",
  "law",
  "day",
  "conference",
  "forum",
  "cup",
  "festival",
  "election",
  "elections",
  "revolution",
  "pact",
  "plan",
  "doctrine",
  "initiative",
  "program",
  "programme",
]);

/** Acronyms that name places, not organizations. */
export const PLACE_ACRONYMS = new Set(["us", "u.s.", "usa", "uk", "u.k.", "dprk", "rok", "prc", "uae"]);

function titleCase(s: string): string {
  return s.replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
