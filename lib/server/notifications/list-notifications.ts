import { db } from "@/lib/db";
import type { NotificationsDto } from "@/lib/schemas/comment";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleClaimWhere, visibleClusterWhere } from "@/lib/server/visibility/visible-where";

/**
 * GET /api/notifications: the caller's latest notifications in this team, and how many are unread.
 * Blind review: a mention in a discussion of an article the caller reviews
 * blind waits for the reveal (its text quotes the claim), and is not counted until then.
 */
export async function listNotifications(user: Viewer): Promise<NotificationsDto> {
  const where = { AND: [{ userId: user.id, teamId: user.teamId }, await notHiddenByBlindReview(user)] };
  const [items, unread] = await Promise.all([
    db.notification.findMany({
      where,
      select: { id: true, kind: true, text: true, url: true, readAt: true, createdAt: true },
      orderBy: { createdAt: "desc" },
      take: 20,
    }),
    db.notification.count({ where: { AND: [...where.AND, { readAt: null }] } }),
  ]);
  return { unread, items: items.map((n) => ({ ...n, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() })) };
}

/** Leaves out notifications of comments whose thread (a cluster or final claim) the caller may not see. */
async function notHiddenByBlindReview(user: Viewer) {
  const v = user.visibility;
  if (v.blind.length === 0) return {};
  const hidden = await db.comment.findMany({
    where: { teamId: user.teamId, OR: [{ cluster: { NOT: visibleClusterWhere(v) } }, { claim: { NOT: visibleClaimWhere(v) } }] },
    select: { id: true },
  });
  return hidden.length ? { NOT: { objectType: "comment", objectId: { in: hidden.map((c) => c.id) } } } : {};
}
