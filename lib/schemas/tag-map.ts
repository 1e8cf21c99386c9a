/**
 * How tags of annotations made in other tools (Hypothesis and other W3C
 * clients) map to Claimdesk's verdicts on import: a team mapping on
 * top of these defaults. Tags are compared lower-cased, with runs of spaces,
 * hyphens and underscores read as one space ("Mostly-False" is "mostly false").
 */
import { z } from "zod";
import { VERDICTS, VERDICT_LABELS, verdictSchema, type Verdict } from "./claim";

/** A tag as the mapping compares it. */
export const tagKey = (tag: string) =>
  tag
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_-]+/g, " ")
    .trim();

/**
 * The defaults: each verdict's own name and label, and the ratings fact-checkers
 * commonly tag with. "Misleading" and "half true" say the claim does not
 * stand as stated, which Claimdesk calls Disputed; tags that say no source
 * was given map to Unsourced. A team maps anything else in its settings.
 */
export const DEFAULT_TAG_MAP: Readonly<Record<string, Verdict>> = Object.freeze({
  ...Object.fromEntries(
    VERDICTS.flatMap((v) => [
      [v, v],
      [tagKey(VERDICT_LABELS[v]), v],
    ]),
  ),
  true: "verified",
  correct: "verified",
  accurate: "verified",
  confirmed: "verified",
  "fact checked": "verified",
  "mostly true": "verified",
  false: "disputed",
  incorrect: "disputed",
  inaccurate: "disputed",
  misleading: "disputed",
  "mostly false": "disputed",
  "half true": "disputed",
  "pants on fire": "disputed",
  fake: "disputed",
  wrong: "disputed",
  "lacks context": "disputed",
  "needs context": "disputed",
  "no evidence": "unsourced",
  unsupported: "unsourced",
  unverified: "unsourced",
  unproven: "unsourced",
  "needs source": "unsourced",
  "no source": "unsourced",
  "citation needed": "unsourced",
  "needs sources": "unsourced",
});

/** The longest team mapping kept: a few hundred tags is far more than a desk names. */
export const TAG_MAP_MAX = 200;

/** A team's mapping as the settings form sends it: tag → verdict. */
export const tagMapSchema = z
  .record(z.string().trim().min(1, "A tag cannot be empty.").max(60, "A tag is at most 60 characters."), verdictSchema)
  .refine((m) => Object.keys(m).length <= TAG_MAP_MAX, `At most ${TAG_MAP_MAX} tags.`);

/** The team's mapping over the defaults, keys compared as tagKey does. */
export function resolveTagMap(team: unknown): Map<string, Verdict> {
  const map = new Map<string, Verdict>(Object.entries(DEFAULT_TAG_MAP));
  const parsed = tagMapSchema.safeParse(team ?? {});
  if (parsed.success) for (const [tag, verdict] of Object.entries(parsed.data)) map.set(tagKey(tag), verdict);
  return map;
}

/** "tag = verdict" lines (the settings form's text) → a mapping, or the first line that is not one. */
export function parseTagLines(text: string): { map: Record<string, Verdict> } | { error: string; line: number } {
  // No prototype: a tag named "__proto__" or "constructor" is a key like any other.
  const map: Record<string, Verdict> = Object.create(null) as Record<string, Verdict>;
  const lines = text.split(/\r?\n/);
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const m = /^(.+?)\s*(?:=|→|->|:)\s*(\S+)$/.exec(line);
    const verdict = m
      ? VERDICTS.find((v) => v === m[2]!.toLowerCase() || VERDICT_LABELS[v].toLowerCase() === m[2]!.toLowerCase())
      : undefined;
    if (!m || !verdict) return { error: `Line ${i + 1}: write "tag = verified", "tag = disputed" or "tag = unsourced".`, line: i + 1 };
    map[tagKey(m[1]!)] = verdict;
  }
  return { map };
}

/** A mapping as "tag = verdict" lines, for the settings form. */
export const tagLines = (map: Record<string, Verdict> | null | undefined) =>
  Object.entries(map ?? {})
    .map(([tag, verdict]) => `${tag} = ${verdict}`)
    .join("\n");
