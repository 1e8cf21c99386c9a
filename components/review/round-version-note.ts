import type { RoundDetailDto } from "@/lib/schemas/review";

/**
 * The round page's note when a correction has moved the round's claims to a
 * newer version than it reviewed, or null.
 */
export function roundVersionNote(round: Pick<RoundDetailDto, "textVersion">): string | null {
  const { number, reviewedNumber } = round.textVersion;
  return number === reviewedNumber
    ? null
    : `This round reviewed version ${reviewedNumber}; a correction has since moved its claims to version ${number}.`;
}
