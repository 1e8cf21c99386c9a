/**
 * Calendar dates as ISO-8601 strings of three precisions: "2022" (year),
 * "2022-06" (month) and "2022-06-28" (day), and intervals "start/end".
 * Pure string arithmetic on the proleptic Gregorian calendar: no Date
 * objects, so no time zone can shift a day.
 */

/** How finely a date is known. */
export type DatePrecision = "day" | "month" | "year";

/** Precisions from finest to coarsest. */
const ORDER: DatePrecision[] = ["day", "month", "year"];

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Days in a month (1-12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The parts of a real ISO date, or null ("2022-02-30", "2022-13", "22-01" are not). */
export function parseIsoDate(value: string): { year: number; month?: number; day?: number; precision: DatePrecision } | null {
  const m = ISO.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 1) return null;
  if (m[2] === undefined) return { year, precision: "year" };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { year, month, precision: "month" };
  const day = Number(m[3]);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day, precision: "day" };
}

/** True for a real ISO date of any precision. */
export const isIsoDate = (value: string) => parseIsoDate(value) !== null;

/** The first and last day (YYYY-MM-DD) a date of any precision covers. Throws on an invalid date. */
export function dateBounds(value: string): { first: string; last: string } {
  const d = parseIsoDate(value);
  if (!d) throw new Error(`Not an ISO date: ${value}`);
  const y = pad(d.year, 4);
  if (d.day !== undefined) return { first: value, last: value };
  if (d.month !== undefined) return { first: `${y}-${pad(d.month)}-01`, last: `${y}-${pad(d.month)}-${pad(daysInMonth(d.year, d.month))}` };
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}

/** The coarser of two precisions. */
export function coarser(a: DatePrecision, b: DatePrecision): DatePrecision {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** A parsed date or interval: "2022-06-28" or "2022-06-28/2022-06-30". */
export type DateValue = { start: string; end: string | null; precision: DatePrecision };

/** Why a date value was refused (the message names the problem for the user). */
export type DateProblem = { message: string };

/**
 * Parses a single ISO date or an ISO interval "start/end". The interval's
 * precision is the coarser of its ends; its end may not lie before its start
 * (compared day by day, so "2022-06/2022-06-15" is fine).
 */
export function parseDateValue(value: string): DateValue | DateProblem {
  const parts = value.trim().split("/");
  if (parts.length > 2) return { message: "Use one date, or two dates joined by “/”." };
  const [start, end] = parts as [string, string | undefined];
  const s = parseIsoDate(start);
  if (!s) return { message: `“${start}” is not a real date (YYYY, YYYY-MM or YYYY-MM-DD).` };
  if (end === undefined || end === start) return { start, end: null, precision: s.precision };
  const e = parseIsoDate(end);
  if (!e) return { message: `“${end}” is not a real date (YYYY, YYYY-MM or YYYY-MM-DD).` };
  if (dateBounds(end).last < dateBounds(start).first) return { message: "The interval ends before it starts." };
  return { start, end, precision: coarser(s.precision, e.precision) };
}

/** The first and last day an interval covers. */
export function intervalBounds(start: string, end: string | null): { first: string; last: string } {
  return { first: dateBounds(start).first, last: dateBounds(end ?? start).last };
}

/** "2022-06-28/2022-06-30", or the single date. */
export const formatDateValue = (start: string, end: string | null) => (end ? `${start}/${end}` : start);
