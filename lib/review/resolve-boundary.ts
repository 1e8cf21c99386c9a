/**
 * The span an adjudicator's boundary choice stands for. Pure.
 * - an annotation id: that reviewer's span (it must be a member);
 * - "union": from the first member's start to the last member's end;
 * - "intersection": the characters every member covers (may be empty in a chain A–B–C);
 * - "custom": the span the adjudicator selected, which must share text with the cluster.
 */
import { spansShareText } from "./cluster-annotations";

type Span = { start: number; end: number };
export type BoundaryResult = { ok: true; start: number; end: number } | { ok: false; field: "boundary" | "start" | "end"; message: string };

export function resolveBoundary(members: readonly (Span & { id: string })[], choice: string, custom?: Partial<Span>): BoundaryResult {
  if (members.length === 0) return { ok: false, field: "boundary", message: "This cluster has no members." };
  if (choice === "union") {
    return { ok: true, start: Math.min(...members.map((m) => m.start)), end: Math.max(...members.map((m) => m.end)) };
  }
  if (choice === "intersection") {
    const start = Math.max(...members.map((m) => m.start));
    const end = Math.min(...members.map((m) => m.end));
    return end > start
      ? { ok: true, start, end }
      : { ok: false, field: "boundary", message: "These spans share no character that all of them cover; pick another boundary." };
  }
  if (choice === "custom") {
    if (custom?.start === undefined) return { ok: false, field: "start", message: "Select the custom span in the text." };
    if (custom.end === undefined || custom.end <= custom.start)
      return { ok: false, field: "end", message: "The custom span is empty or reversed." };
    const span = { start: custom.start, end: custom.end };
    if (!members.some((m) => spansShareText(m, span)))
      return { ok: false, field: "start", message: "The custom span must overlap the cluster." };
    return { ok: true, ...span };
  }
  const member = members.find((m) => m.id === choice);
  return member
    ? { ok: true, start: member.start, end: member.end }
    : { ok: false, field: "boundary", message: "That boundary is not one of this cluster's spans." };
}
