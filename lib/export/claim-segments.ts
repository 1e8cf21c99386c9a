import { OffsetIndex } from "@/lib/anchoring/offsets";

/** A run of text covered by the same set of claims. */
export type Segment = {
  text: string;
  /** Numbers of the claims covering this run, in claim order. */
  claims: number[];
  /** Claims that start with this run (their first piece). */
  starts: number[];
  /** Claims that end with this run: the reader's superscript numbers go after it. */
  ends: number[];
};

type SpanLike = { number: number; start: number; end: number };

/**
 * Cuts a version's text into paragraphs of segments at every claim boundary
 * and line break, so overlapping claims can be highlighted without
 * overlapping markup. Offsets are code points; slicing happens in UTF-16
 * through one {@link OffsetIndex}. O((n + k) log k) for k claims.
 */
export function claimSegments(text: string, claims: readonly SpanLike[]): Segment[][] {
  const index = new OffsetIndex(text);
  const cuts = new Set<number>([0, text.length]);
  const opening = new Map<number, number[]>();
  const closing = new Map<number, number[]>();
  for (const c of claims) {
    const from = index.toUtf16(c.start);
    const to = index.toUtf16(c.end);
    if (to <= from) continue;
    cuts.add(from).add(to);
    push(opening, from, c.number);
    push(closing, to, c.number);
  }
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) cuts.add(i).add(i + 1);
  const points = [...cuts].sort((a, b) => a - b);

  const paragraphs: Segment[][] = [[]];
  const active = new Set<number>();
  // A claim may start or end on a line break, which is not printed: its
  // anchor moves to the next printed run and its number to the last one.
  let pendingStarts: number[] = [];
  let last: Segment | undefined;
  for (let p = 0; p < points.length - 1; p++) {
    const from = points[p]!;
    const to = points[p + 1]!;
    for (const n of closing.get(from) ?? []) active.delete(n);
    const starts = [...pendingStarts, ...(opening.get(from) ?? [])];
    for (const n of starts) active.add(n);
    const ends = (closing.get(to) ?? []).filter((n) => active.has(n)).sort((a, b) => a - b);
    const piece = text.slice(from, to);
    if (piece === "\n") {
      pendingStarts = starts;
      if (last) last.ends.push(...ends);
      paragraphs.push([]);
      continue;
    }
    pendingStarts = [];
    last = { text: piece, claims: [...active].sort((a, b) => a - b), starts: starts.sort((a, b) => a - b), ends };
    paragraphs.at(-1)!.push(last);
  }
  return paragraphs;
}

function push(map: Map<number, number[]>, key: number, value: number) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
