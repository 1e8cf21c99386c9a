import * as chrono from "chrono-node";
import { dateBounds, isIsoDate, parseIsoDate, type DatePrecision } from "./iso-date";
import { formatInterval } from "./format-interval";

/** A date found in a claim's text, as the interval of days it covers. */
export type ClaimDate = {
  /** The words it was read from ("July last year"). */
  text: string;
  /** First and last day covered, YYYY-MM-DD: "June 2022" covers the whole month. */
  first: string;
  last: string;
  precision: DatePrecision;
  /** How the claim's date reads once resolved: "July 2022", "30 January 2023". */
  label: string;
};

type Components = chrono.ParsingComponents;

/**
 * "July last year": chrono reads "July" (year unknown) and "last year" as two
 * results; the year of the second belongs to the first.
 */
const monthWithRelativeYear: chrono.Refiner = {
  refine: (context, results) => {
    const out: chrono.ParsingResult[] = [];
    for (const r of results) {
      const prev = out[out.length - 1];
      const between = prev ? context.text.slice(prev.index + prev.text.length, r.index) : "";
      if (
        prev &&
        !prev.end &&
        /^\s*$/.test(between) &&
        prev.start.isCertain("month") &&
        !prev.start.isCertain("year") &&
        r.tags().has("result/relativeDate") &&
        r.start.isCertain("year") &&
        !r.start.isCertain("month")
      ) {
        prev.start.assign("year", r.start.get("year")!);
        prev.text = context.text.slice(prev.index, r.index + r.text.length);
        continue;
      }
      out.push(r);
    }
    return out;
  },
};

/** "last June": chrono takes the nearest June, which may lie ahead; "last" means the one before the reference. */
const lastMonthName: chrono.Refiner = {
  refine: (context, results) => {
    const ref = context.reference.instant;
    for (const r of results) {
      if (!r.start.isCertain("month") || r.start.isCertain("year") || r.start.isCertain("day") || r.end) continue;
      if (!/\blast\s+$/i.test(context.text.slice(Math.max(0, r.index - 8), r.index))) continue;
      const month = r.start.get("month")!;
      const year = ref.getUTCFullYear() - (month >= ref.getUTCMonth() + 1 ? 1 : 0);
      r.start.assign("year", year);
    }
    return results;
  },
};

/**
 * Casual parsing reads "march", "may", "sat" and "now" as dates. News text
 * capitalizes month and day names, so a match with neither a capital nor a
 * digit only counts when chrono itself tagged it relative ("last year") or a
 * named day ("yesterday"); "now" is never a stated date.
 */
const commonWords: chrono.Refiner = {
  refine: (_context, results) =>
    results.filter((r) => {
      const tags = r.tags();
      if (tags.has("casualReference/now")) return false;
      return /[\p{Lu}\d]/u.test(r.text) || tags.has("result/relativeDate") || [...tags].some((t) => t.startsWith("casualReference/"));
    }),
};

const parser = chrono.casual.clone();
parser.refiners.push(commonWords, monthWithRelativeYear, lastMonthName);

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The ISO date (of the precision the words give) that a parsed component stands for, or null for a bare time. */
function isoOf(c: Components): { iso: string; precision: DatePrecision } | null {
  const y = pad(c.get("year")!, 4);
  // A weekday ("on Monday") names one day, resolved against the reference.
  if (c.isCertain("day") || c.isCertain("weekday")) return { iso: `${y}-${pad(c.get("month")!)}-${pad(c.get("day")!)}`, precision: "day" };
  if (c.isCertain("month")) return { iso: `${y}-${pad(c.get("month")!)}`, precision: "month" };
  if (c.isCertain("year")) return { iso: y, precision: "year" };
  return null;
}

/** "in 2 hours", "30 minutes ago": a time offset, not a date the claim states. */
const TIME_OFFSET = /\b(hours?|hrs?|minutes?|mins?|seconds?|secs?)\b/i;
/** "next week", "last week": the whole week (Monday to Sunday), not the one day chrono lands on. */
const WEEK = /\bweeks?\b/i;

/** Monday and Sunday (YYYY-MM-DD) of the ISO week holding a day. */
function weekOf(isoDay: string): { first: string; last: string } {
  const d = new Date(`${isoDay}T00:00:00Z`);
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { first: monday.toISOString().slice(0, 10), last: sunday.toISOString().slice(0, 10) };
}

function parseWith(text: string, instant: Date): ClaimDate[] {
  const found: ClaimDate[] = [];
  for (const r of parser.parse(text, { instant, timezone: 0 })) {
    if (TIME_OFFSET.test(r.text)) continue;
    // "in the year 10000": chrono stopped short of a number it could not read, so what it read is not the date meant.
    if (/^\s*\d/.test(text.slice(r.index + r.text.length))) continue;
    const start = isoOf(r.start as Components);
    const end = r.end ? isoOf(r.end as Components) : null;
    // chrono reads "2100 years ago" or "the year 10000" into years ISO-8601 cannot write: not a date to check.
    if (!start || !isIsoDate(start.iso) || (end && !isIsoDate(end.iso))) continue;
    const week = !end && start.precision === "day" && WEEK.test(r.text) && r.tags().has("result/relativeDate");
    const { first } = week ? weekOf(start.iso) : dateBounds(start.iso);
    const { last } = week ? weekOf(start.iso) : dateBounds(end?.iso ?? start.iso);
    if (last < first) continue;
    const label = week ? formatInterval(first, last) : formatInterval(start.iso, end?.iso ?? null);
    found.push({ text: r.text, first, last, precision: start.precision, label });
  }
  return found;
}

const noon = (isoDay: string) => new Date(`${isoDay}T12:00:00Z`);
// Two references far apart: a date that reads the same against both does not depend on one.
const PROBES = [noon("2001-03-14"), noon("2017-10-09")];

/**
 * The dates a claim's text states, resolved against the article's published
 * date (YYYY-MM-DD). Without a published date, relative dates ("on Monday",
 * "last year", "January 29" without a year) are left out rather than guessed.
 */
export function findClaimDates(text: string, publishedDate: string | null): ClaimDate[] {
  if (publishedDate && parseIsoDate(publishedDate)?.precision === "day") return parseWith(text, noon(publishedDate));
  const [a, b] = PROBES.map((p) => parseWith(text, p)) as [ClaimDate[], ClaimDate[]];
  return a.filter((x) => b.some((y) => y.text === x.text && y.first === x.first && y.last === x.last));
}
