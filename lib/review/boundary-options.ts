/**
 * The boundary choices of a cluster as the decision form shows them: each
 * distinct reviewer span (reviewers who marked the same span share one
 * option), the union and the intersection where they are spans of their own
 * (one that equals a reviewer's span is that option, which says so: three
 * options of the same words asked the adjudicator to choose between nothing),
 * each told apart by the words that
 * differ. The words every span shares (the intersection) are the common
 * core, shortened in the middle when long; the words an option has beyond the
 * core, before and after it, are shown in full, because they are what the
 * adjudicator is choosing between. Offsets are code points of `text`.
 */
import { sliceCodePoints } from "@/lib/anchoring/offsets";

type Member = { annotationId: string; reviewer: { name: string | null }; start: number; end: number };

/** One choice: its value (an annotation id, "union" or "intersection"), who or what it is, and its words in three parts. */
export type BoundaryOption = {
  value: string;
  label: string;
  start: number;
  end: number;
  /** Words before the shared core, the core (shortened), words after it; `core` is the whole span, shortened, when the spans share nothing. */
  lead: string;
  core: string;
  tail: string;
  /** The intersection of spans that share no character: not a span at all. */
  empty: boolean;
  /** "union" and/or "intersection" when this reviewer span is also that (then not listed on its own). */
  also?: ("union" | "intersection")[];
};

/** The listed option that stands for `value` (a union or intersection listed as a reviewer's span stands for it). */
export const listedBoundary = (options: readonly BoundaryOption[], value: string): string =>
  options.find((o) => o.value === value || o.also?.includes(value as "union"))?.value ?? value;

/** The longest core shown whole, in code points; longer ones keep their two ends. */
export const CORE_MAX = 40;

/** "first words … last words" for a long core (code points, never splitting a pair). */
export function shortenMiddle(s: string, max = CORE_MAX): string {
  const cps = Array.from(s);
  if (cps.length <= max) return s;
  const keep = Math.floor((max - 1) / 2);
  return `${cps.slice(0, keep).join("").trimEnd()} … ${cps
    .slice(cps.length - keep)
    .join("")
    .trimStart()}`;
}

/** The options of a cluster's members, in the order the form lists them (the number keys pick them in this order). */
export function boundaryOptions(text: string, members: readonly Member[]): BoundaryOption[] {
  const coreStart = Math.max(...members.map((m) => m.start));
  const coreEnd = Math.min(...members.map((m) => m.end));
  const hasCore = coreEnd > coreStart;
  const parts = (start: number, end: number) =>
    hasCore
      ? {
          lead: sliceCodePoints(text, start, coreStart),
          core: shortenMiddle(sliceCodePoints(text, coreStart, coreEnd)),
          tail: sliceCodePoints(text, coreEnd, end),
        }
      : { lead: "", core: shortenMiddle(sliceCodePoints(text, start, end), 2 * CORE_MAX), tail: "" };

  const bySpan = new Map<string, Member[]>();
  for (const m of members) bySpan.set(`${m.start}:${m.end}`, [...(bySpan.get(`${m.start}:${m.end}`) ?? []), m]);
  const spans = [...bySpan.values()].map((same): BoundaryOption => ({
    value: same[0]!.annotationId,
    label: `${joinNames(same.map((m) => m.reviewer.name ?? "A reviewer"))}’s span`,
    start: same[0]!.start,
    end: same[0]!.end,
    ...parts(same[0]!.start, same[0]!.end),
    empty: false,
  }));
  const unionStart = Math.min(...members.map((m) => m.start));
  const unionEnd = Math.max(...members.map((m) => m.end));
  const union: BoundaryOption = {
    value: "union",
    label: "Union of all spans",
    start: unionStart,
    end: unionEnd,
    ...parts(unionStart, unionEnd),
    empty: false,
  };
  const intersection: BoundaryOption = hasCore
    ? {
        value: "intersection",
        label: "Intersection (characters all spans share)",
        start: coreStart,
        end: coreEnd,
        ...parts(coreStart, coreEnd),
        empty: false,
      }
    : {
        value: "intersection",
        label: "Intersection (characters all spans share)",
        start: 0,
        end: 0,
        lead: "",
        core: "",
        tail: "",
        empty: true,
      };
  // Everyone marked the same words: that span is the only choice (and is the union and the intersection).
  if (spans.length === 1) return [{ ...spans[0]!, also: ["union", "intersection"] }];
  const extra: BoundaryOption[] = [];
  for (const [option, name] of [
    [union, "union"],
    [intersection, "intersection"],
  ] as const) {
    const same = spans.find((o) => !option.empty && o.start === option.start && o.end === option.end);
    if (!same) extra.push(option);
    else {
      same.also = [...(same.also ?? []), name];
      same.label = `${same.label} (the ${same.also.join(" and the ")})`;
    }
  }
  return [...spans, ...extra];
}

const joinNames = (names: string[]) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`);
