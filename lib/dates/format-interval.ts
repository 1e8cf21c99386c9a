import { parseIsoDate } from "./iso-date";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "28 June 2022", "June 2022" or "2022", as precise as the ISO date is. */
export function formatIsoDate(value: string): string {
  const d = parseIsoDate(value);
  if (!d) return value;
  if (d.month === undefined) return String(d.year);
  const month = `${MONTHS[d.month - 1]} ${d.year}`;
  return d.day === undefined ? month : `${d.day} ${month}`;
}

/**
 * A date or interval as people write it, sharing what both ends share:
 * "28–30 June 2022", "27 July – 26 August 2022", "November – 22 December 2022".
 */
export function formatInterval(start: string, end: string | null): string {
  if (!end || end === start) return formatIsoDate(start);
  const s = parseIsoDate(start);
  const e = parseIsoDate(end);
  if (!s || !e) return `${start}–${end}`;
  if (s.year === e.year && s.month !== undefined && e.month !== undefined) {
    if (s.month === e.month && s.day !== undefined && e.day !== undefined) return `${s.day}–${formatIsoDate(end)}`;
    const head = s.day === undefined ? MONTHS[s.month - 1] : `${s.day} ${MONTHS[s.month - 1]}`;
    return `${head} – ${formatIsoDate(end)}`;
  }
  return `${formatIsoDate(start)} – ${formatIsoDate(end)}`;
}
