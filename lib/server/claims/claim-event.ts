import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { publishEvent } from "@/lib/events/event-bus";
import { isEditorsOwnClaim } from "@/lib/policies/claim";
import { isRole } from "@/lib/policies/team";
import { eventAudience } from "@/lib/policies/visibility";

/** An annotation as its live event needs it. */
type ChangedClaim = {
  id: string;
  articleId: string;
  authorId: string;
  version: number;
  roundId?: string | null;
  round?: { status: string } | null;
  deletedAt: Date | null;
};

/**
 * Publishes the live event of a change to an annotation, after the commit:
 * its id and version, `removed` for a delete (viewers drop it without asking),
 * `outcome` when it is an editor's own claim outside rounds (the article's
 * final claims change with it), and, for a draft of an open round, its
 * author as the only audience (blind review). The author's role is the
 * actor's when they wrote it; otherwise one lookup, on the rare path of an
 * editor changing someone else's claim outside rounds.
 */
export function publishClaimEvent(actor: CurrentUser, row: ChangedClaim): void {
  if (row.authorId === actor.id || row.roundId) return publish(actor, row, isEditorsOwnClaim(actor.role, row));
  // Never fails the write that was just committed: without the role, viewers refetch the final claims to be safe.
  void db.membership.findFirst({ where: { teamId: actor.teamId, userId: row.authorId }, select: { role: true } }).then(
    (m) => publish(actor, row, !m || !isRole(m.role) || isEditorsOwnClaim(m.role, row)),
    () => publish(actor, row, true),
  );
}

function publish(actor: CurrentUser, row: ChangedClaim, outcome: boolean) {
  publishEvent({
    team: actor.teamId,
    article: row.articleId,
    kind: "annotation",
    id: row.id,
    version: row.version,
    ...(row.deletedAt ? { removed: true } : {}),
    ...(outcome ? { outcome: true } : {}),
    audience: eventAudience(row),
  });
}
