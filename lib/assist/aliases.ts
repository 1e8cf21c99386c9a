/**
 * Entity aliases: different names for one person, organization or place
 * ("Seoul" → South Korea, "DPRK" → North Korea, "the NATO chief" → Jens
 * Stoltenberg). The defaults below are a start; each team extends or overrides
 * them (TeamAlias rows, settings page), and the matcher compares entities by
 * their canonical names.
 */

/** One alias: a phrase (matched case-insensitively on word boundaries) and the name it stands for. */
export type Alias = { alias: string; canonical: string };

/** Built-in aliases. A team's own entry for the same phrase replaces one of these. */
export const DEFAULT_ALIASES: readonly Alias[] = [
  { alias: "Seoul", canonical: "South Korea" },
  { alias: "Republic of Korea", canonical: "South Korea" },
  { alias: "Pyongyang", canonical: "North Korea" },
  { alias: "DPRK", canonical: "North Korea" },
  { alias: "Democratic People's Republic of Korea", canonical: "North Korea" },
  { alias: "Beijing", canonical: "China" },
  { alias: "Tokyo", canonical: "Japan" },
  { alias: "Moscow", canonical: "Russia" },
  { alias: "Kremlin", canonical: "Russia" },
  { alias: "Kyiv", canonical: "Ukraine" },
  { alias: "Washington", canonical: "United States" },
  { alias: "US", canonical: "United States" },
  { alias: "U.S.", canonical: "United States" },
  { alias: "America", canonical: "United States" },
  { alias: "the NATO chief", canonical: "Jens Stoltenberg" },
  { alias: "the head of NATO", canonical: "Jens Stoltenberg" },
  { alias: "the NATO secretary-general", canonical: "Jens Stoltenberg" },
  { alias: "the secretary general of NATO", canonical: "Jens Stoltenberg" },
  { alias: "Korean Central News Agency", canonical: "KCNA" },
  { alias: "North Korean state media", canonical: "KCNA" },
  { alias: "North Korean news agency", canonical: "KCNA" },
  { alias: "North Atlantic Treaty Organization", canonical: "NATO" },
  { alias: "military alliance", canonical: "NATO" },
  { alias: "Yonhap News Agency", canonical: "Yonhap" },
  { alias: "United Nations", canonical: "UN" },
  { alias: "European Union", canonical: "EU" },
];

/** A compiled alias table: phrase lookups by lower-cased key. */
export type AliasTable = {
  /** Lower-cased alias phrase → canonical name. */
  byPhrase: Map<string, string>;
  /** Longest phrase, in words (the scan never looks further). */
  maxWords: number;
  /** First words of the phrases: a scan tries longer phrases only where one starts. */
  firstWords: Set<string>;
};

/** Key for comparing names: lower case, curly quotes straightened, hyphens and dots as spaces, spaces collapsed. */
export function nameKey(s: string): string {
  let key = keys.get(s);
  if (key === undefined) {
    if (keys.size > 50_000) keys.clear();
    key = computeKey(s);
    keys.set(s, key);
  }
  return key;
}

/** Names repeat across sentences and articles: their keys are kept (bounded). */
const keys = new Map<string, string>();

function computeKey(s: string): string {
  return s
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/'s$/, "")
    .replace(/[-‐‑–.]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/** The defaults with the team's entries on top (a team entry for a default phrase replaces it). */
export function compileAliases(teamAliases: readonly Alias[] = []): AliasTable {
  const byPhrase = new Map<string, string>();
  const firstWords = new Set<string>();
  let maxWords = 1;
  for (const a of [...DEFAULT_ALIASES, ...teamAliases]) {
    const key = nameKey(a.alias).replace(/^the /, "");
    if (!key) continue;
    byPhrase.set(key, a.canonical.trim());
    maxWords = Math.max(maxWords, key.split(" ").length);
    firstWords.add(key.split(" ")[0]!);
  }
  return { byPhrase, maxWords, firstWords };
}

/** The canonical name of `name` under the table, or `name` itself. Follows one more hop (A → B → C) at most. */
export function canonicalName(table: AliasTable, name: string): string {
  const first = table.byPhrase.get(nameKey(name).replace(/^the /, ""));
  if (!first) return name;
  return table.byPhrase.get(nameKey(first)) ?? first;
}
