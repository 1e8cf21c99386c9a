import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { CommentDto, CommentThread } from "@/lib/schemas/comment";
import { findOpenThread } from "./find-comment-target";

/** GET /api/comments: a cluster's or claim's thread, oldest first. Discussion opens with the reveal. */
export async function listComments(user: Viewer, thread: CommentThread): Promise<CommentDto[]> {
  const target = await findOpenThread(user, thread);
  const rows = await db.comment.findMany({
    where: { ...target.where, teamId: user.teamId, deletedAt: null },
    select: { id: true, bodyHtml: true, createdAt: true, author: { select: { id: true, name: true } } },
    orderBy: { createdAt: "asc" },
    take: 500,
  });
  const notified = await db.notification.findMany({
    where: { teamId: user.teamId, kind: "mention", objectType: "comment", objectId: { in: rows.map((r) => r.id) } },
    select: { objectId: true, user: { select: { id: true, name: true } } },
  });
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    mentions: notified.filter((n) => n.objectId === r.id).map((n) => n.user),
  }));
}
