import type { ClaimDto } from "@/lib/schemas/claim";
import type { ClaimDraft } from "./claim-drafts";

/**
 * What the viewer can already see on exactly the words they selected, for
 * the verdict popover (./verdict-popover.tsx):
 * - `own`: their own claim. A verdict then changes that claim (when they may
 *   still edit it) instead of tagging the same words a second time, which left
 *   identical cards side by side with nothing to say which one counts;
 * - `saving`: their own tag of these words is still on its way to the server;
 * - `others`: teammates' claims. Tagging adds the viewer's own beside them (a
 *   second opinion is theirs to give), and the popover says who was first.
 * Only claims the viewer may see are in `claims` (blind review applies on the
 * server), so nothing here tells a reviewer of a claim they may not see.
 * Exactly the same span only: a claim inside another is a claim of its own.
 */
export type SameWords<C = ClaimDto> = { kind: "new" } | { kind: "own"; claim: C } | { kind: "saving" } | { kind: "others"; claims: C[] };

/** What a claim must say of itself to be compared. */
type Placed = Pick<ClaimDto, "start" | "end" | "deletedAt" | "anchorState"> & { author: { id: string } };

export function sameWords<C extends Placed>(
  span: { start: number; end: number },
  claims: readonly C[],
  drafts: readonly Pick<ClaimDraft, "start" | "end" | "state">[],
  memberId: string | null,
): SameWords<C> {
  const on = (c: { start: number; end: number }) => c.start === span.start && c.end === span.end;
  const live = claims.filter((c) => !c.deletedAt && c.anchorState !== "orphaned" && on(c));
  const own = live.find((c) => memberId !== null && c.author.id === memberId);
  if (own) return { kind: "own", claim: own };
  if (drafts.some((d) => d.state === "pending" && on(d))) return { kind: "saving" };
  return live.length ? { kind: "others", claims: live } : { kind: "new" };
}
