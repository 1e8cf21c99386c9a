import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { commentChangeRefusal } from "@/lib/policies/comment";
import type { CommentDto } from "@/lib/schemas/comment";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { publishThreadChange } from "./find-comment-target";
import { findComment } from "./find-comment";
import { loadCommentDto } from "./comment-dto";

/**
 * DELETE /api/comments/{id}?version=N: the author deletes their comment. A
 * tombstone: the row stays (with its replies, which keep their thread), the
 * API stops serving its body, and the audit event holds what it said.
 */
export async function deleteComment(user: Viewer, commentId: string, version: number): Promise<CommentDto> {
  const { comment, target } = await findComment(user, commentId);
  const refusal = commentChangeRefusal(user, comment);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const stale = async () =>
    new AppError("CONFLICT", "This comment changed in the meantime. Here it is as it is now.", {
      current: await loadCommentDto(commentId, user.teamId, user, target.claimAuthorId),
    });
  if (comment.version !== version) throw await stale();
  const done = await db.$transaction(async (tx) => {
    const deletedAt = new Date();
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, teamId: user.teamId, version, deletedAt: null },
      data: { deletedAt, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "comment.delete",
      objectType: "comment",
      objectId: commentId,
      before: { bodyHtml: comment.bodyHtml, version },
      after: { deletedAt, version: version + 1 },
    });
    return true;
  });
  if (!done) throw await stale();
  publishThreadChange(user.teamId, target);
  return loadCommentDto(commentId, user.teamId, user, target.claimAuthorId);
}
