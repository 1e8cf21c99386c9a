import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { CommentDto, CommentThread } from "@/lib/schemas/comment";
import { findOpenThread } from "./find-comment-target";
import { commentSelect, mentionsOf, toCommentDto } from "./comment-dto";

/** The most comments one discussion lists. */
export const MAX_THREAD_COMMENTS = 500;

/**
 * GET /api/comments: one claim's discussion, oldest first, replies naming
 * their thread's first comment; deleted comments stay as tombstones (no
 * body) so replies keep their place. As visible as the claim it is about (find-comment-target.ts).
 */
export async function listComments(user: Viewer, thread: CommentThread): Promise<CommentDto[]> {
  const target = await findOpenThread(user, thread);
  const rows = await db.comment.findMany({
    where: { ...target.where, teamId: user.teamId },
    select: commentSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: MAX_THREAD_COMMENTS,
  });
  const mentions = await mentionsOf(
    user.teamId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCommentDto(r, user, target.claimAuthorId, mentions.get(r.id) ?? []));
}
