const field = (o: object, key: string): unknown => (key in o ? (o as Record<string, unknown>)[key] : undefined);

/**
 * The round page's note when a correction has moved the round's claims to a
 * newer version than it reviewed, or null. Read defensively from the round
 * (GET /api/reviews/{id} sends `textVersion`, lib/server/reviews/get-round.ts),
 * so it needs no change to RoundDetailDto's callers.
 */
export function roundVersionNote(round: object): string | null {
  const v = field(round, "textVersion");
  if (!v || typeof v !== "object") return null;
  const shown = field(v, "number");
  const reviewed = field(v, "reviewedNumber");
  if (typeof shown !== "number" || typeof reviewed !== "number" || shown === reviewed) return null;
  return `This round reviewed version ${reviewed}; a correction has since moved its claims to version ${shown}.`;
}
