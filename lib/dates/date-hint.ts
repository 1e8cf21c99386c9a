import { findClaimDates, type ClaimDate } from "./claim-dates";
import { intervalBounds, isIsoDate } from "./iso-date";
import { formatInterval } from "./format-interval";

/** A dated fact attached to a claim, as the hint needs it. */
export type DatedFact = { id: string; title: string; dateStart: string | null; dateEnd: string | null };

/** A warning that a claim's date falls outside the interval an attached dated fact gives. */
export type DateHint = {
  evidenceId: string;
  /** The fact's interval as people write it: "28–30 June 2022". */
  evidenceSays: string;
  /** The claim's date(s), resolved: "July 2022". */
  claimSays: string;
  /** "Evidence dates “NATO Madrid Summit” 28–30 June 2022; the claim says July 2022." */
  message: string;
};

/** What a fact is about: its title without a trailing date ("NATO Madrid Summit, 28-30 June 2022" → "NATO Madrid Summit"). */
export function factSubject(title: string): string {
  const cut = title.replace(/,\s*[^,]*\b\d{4}\s*$/, "").trim();
  return cut || title;
}

const overlaps = (d: ClaimDate, b: { first: string; last: string }) => d.first <= b.last && d.last >= b.first;

/**
 * Compares the dates in a claim's exact text (resolved against the article's
 * published date) with each attached dated fact. A fact gets a hint when the
 * claim states dates and none of them overlaps the fact's interval: a claim
 * that names two dates (the event and when it was reported) is not flagged
 * for the one that belongs to something else. Month- and year-only dates
 * count as the whole month or year.
 */
export function dateHints(claimText: string, publishedDate: string | null, facts: DatedFact[]): DateHint[] {
  const dated = facts.filter((f) => f.dateStart && isIsoDate(f.dateStart) && (!f.dateEnd || isIsoDate(f.dateEnd)));
  if (dated.length === 0) return [];
  const claimDates = findClaimDates(claimText, publishedDate);
  if (claimDates.length === 0) return [];
  const hints: DateHint[] = [];
  for (const fact of dated) {
    const bounds = intervalBounds(fact.dateStart!, fact.dateEnd);
    if (claimDates.some((d) => overlaps(d, bounds))) continue;
    const evidenceSays = formatInterval(fact.dateStart!, fact.dateEnd);
    const claimSays = [...new Set(claimDates.map((d) => d.label))].join(" and ");
    hints.push({
      evidenceId: fact.id,
      evidenceSays,
      claimSays,
      message: `Evidence dates “${factSubject(fact.title)}” ${evidenceSays}; the claim says ${claimSays}.`,
    });
  }
  return hints;
}
