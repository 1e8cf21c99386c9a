"use client";
import type { RoundDetailDto } from "@/lib/schemas/review";
import { roundVersionNote } from "./round-version-note";
import "./review.css";

/** Says on the round page which version the round reviewed and which one its highlights are drawn on. */
export function RoundVersionNotice({ round }: { round: Pick<RoundDetailDto, "textVersion"> }) {
  const note = roundVersionNote(round);
  if (!note) return null;
  return (
    <p className="round-banner" role="note" data-testid="round-version-notice">
      {note}
    </p>
  );
}
