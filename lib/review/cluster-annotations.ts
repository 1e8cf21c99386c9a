/**
 * Groups the annotations of a review round into clusters (candidate claims).
 *
 * Rules (docs/review-rounds.md describes them with the rest of the round):
 * - Two annotations of DIFFERENT reviewers are linked when their spans share at
 *   least one character: `a.start < b.end && b.start < a.end` (half-open spans).
 *   Spans that only touch (`a.end === b.start`) share no character and are not linked.
 * - A cluster is a connected component of that link graph. A chain A–B–C, where
 *   A overlaps B and B overlaps C but A and C are disjoint, is ONE cluster, so
 *   the adjudicator sees everything that hangs together at once.
 * - A reviewer's own annotations are never linked to each other directly; they
 *   join one cluster only through another reviewer's annotation. An annotation
 *   nobody else overlaps is a cluster of its own (single reviewer).
 * - Each reviewer counts once per cluster. When a reviewer has several
 *   annotations in one cluster, their "representative" is the longest one
 *   (then the earliest, then the smallest id); agreement measures use it.
 *
 * Pure: no database, no clock. Offsets are code points.
 */

import type { ClusterKind } from "@/lib/schemas/review";
import type { Verdict } from "@/lib/schemas/claim";

/** What clustering needs to know about an annotation. */
export type ClusterInput = { id: string; reviewerId: string; start: number; end: number; verdict: Verdict };

/** agreed: ≥2 reviewers, identical spans and verdicts; boundary_only: same verdict, spans differ; verdict_conflict; single_reviewer. */

export type AnnotationCluster = {
  /** 1-based, in text order (by start, then end). */
  number: number;
  kind: ClusterKind;
  /** Union of the members' spans. */
  start: number;
  end: number;
  /** Member annotation ids, in text order. */
  memberIds: string[];
  /** Distinct reviewers, in order of first appearance. */
  reviewerIds: string[];
  /** Each reviewer's representative annotation id (see the rules above). */
  representatives: Record<string, string>;
};

/** True when the half-open spans share at least one character. */
export const spansShareText = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

const byTextOrder = (a: ClusterInput, b: ClusterInput) => a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The longest, then earliest, then smallest-id annotation. */
function representative(list: readonly ClusterInput[]): ClusterInput {
  return [...list].sort((a, b) => b.end - b.start - (a.end - a.start) || byTextOrder(a, b))[0]!;
}

/** Each reviewer's representative annotation id among `members` (see the rules at the top). */
export function representativesOf(members: readonly ClusterInput[]): Record<string, string> {
  const reviewerIds = [...new Set(members.map((m) => m.reviewerId))];
  return Object.fromEntries(reviewerIds.map((r) => [r, representative(members.filter((m) => m.reviewerId === r)).id]));
}

/** The kind of a cluster from its members (see {@link ClusterKind}). */
export function classifyCluster(members: ClusterInput[]): ClusterKind {
  const reviewers = new Set(members.map((m) => m.reviewerId));
  if (reviewers.size < 2) return "single_reviewer";
  if (new Set(members.map((m) => m.verdict)).size > 1) return "verdict_conflict";
  const first = members[0]!;
  const sameSpan = members.every((m) => m.start === first.start && m.end === first.end);
  // "Agreed" needs exactly one annotation per reviewer: two of one reviewer's spans cannot both be "the same span".
  return sameSpan && reviewers.size === members.length ? "agreed" : "boundary_only";
}

/** Clusters of `annotations` (every annotation lands in exactly one cluster), in text order. */
export function clusterAnnotations(annotations: readonly ClusterInput[]): AnnotationCluster[] {
  const sorted = annotations.filter((a) => a.end > a.start).sort(byTextOrder);
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));

  // Sweep in start order: only annotations that started before `b` ends can overlap it.
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i]!;
    for (let j = i + 1; j < sorted.length && sorted[j]!.start < a.end; j++) {
      const b = sorted[j]!;
      if (b.reviewerId !== a.reviewerId && spansShareText(a, b)) parent[find(j)] = find(i);
    }
  }

  const groups = new Map<number, ClusterInput[]>();
  sorted.forEach((a, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), a]);
  });
  return [...groups.values()]
    .map((members) => ({ members, start: Math.min(...members.map((m) => m.start)), end: Math.max(...members.map((m) => m.end)) }))
    .sort((x, y) => x.start - y.start || x.end - y.end)
    .map(({ members, start, end }, i) => {
      const reviewerIds = [...new Set(members.map((m) => m.reviewerId))];
      return {
        number: i + 1,
        kind: classifyCluster(members),
        start,
        end,
        memberIds: members.map((m) => m.id),
        reviewerIds,
        representatives: representativesOf(members),
      };
    });
}
