import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { commentChangeRefusal } from "@/lib/policies/comment";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import type { CommentDto, UpdateCommentInput } from "@/lib/schemas/comment";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { announceNotifications, insertNotifications } from "@/lib/server/notifications/insert-notifications";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { publishThreadChange } from "./find-comment-target";
import { findComment } from "./find-comment";
import { commentMentions } from "./comment-mentions";
import { loadCommentDto } from "./comment-dto";
import { mentionNotices } from "./create-comment";

/**
 * PATCH /api/comments/{id}: the author edits their comment. A compare-and-set
 * on its version (409 with the comment as it is now); the audit event keeps
 * the body before and after, so earlier wordings stay on record; a teammate
 * newly @-mentioned by the edit is notified (nobody twice).
 */
export async function updateComment(user: Viewer, commentId: string, input: UpdateCommentInput): Promise<CommentDto> {
  const { comment, target } = await findComment(user, commentId);
  const refusal = commentChangeRefusal(user, comment);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const bodyHtml = sanitizeRichText(input.body);
  if (!bodyHtml) throw new AppError("INVALID_INPUT", "Write something first, or delete the comment.", { field: "body" });
  const stale = async () =>
    new AppError("CONFLICT", "This comment changed in the meantime. Here it is as it is now.", {
      current: await loadCommentDto(commentId, user.teamId, user, target.claimAuthorId),
    });
  if (comment.version !== input.version) throw await stale();
  const mentioned = await commentMentions(user.teamId, user.id, bodyHtml);

  const batch = await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, teamId: user.teamId, version: input.version, deletedAt: null },
      data: { bodyHtml, editedAt: new Date(), version: { increment: 1 } },
    });
    if (count === 0) return null;
    const already = await tx.notification.findMany({
      where: { teamId: user.teamId, kind: "mention", commentId },
      select: { userId: true },
    });
    const fresh = mentioned.filter((id) => !already.some((n) => n.userId === id));
    const notified = await insertNotifications(tx, user.teamId, user.id, mentionNotices(user, target, commentId, fresh));
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "comment.edit",
      objectType: "comment",
      objectId: commentId,
      before: { bodyHtml: comment.bodyHtml, version: comment.version },
      after: { bodyHtml, version: comment.version + 1, mentioned: notified.userIds },
    });
    return notified;
  });
  if (!batch) throw await stale();
  publishThreadChange(user.teamId, target);
  announceNotifications(batch);
  return loadCommentDto(commentId, user.teamId, user, target.claimAuthorId);
}
