import { newId } from "@/lib/db/new-id";
import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { CommentDto, CreateCommentInput } from "@/lib/schemas/comment";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { announceNotifications, insertNotifications } from "@/lib/server/notifications/insert-notifications";
import { findOpenThread, publishThreadChange, type CommentTarget } from "./find-comment-target";
import { commentMentions } from "./comment-mentions";
import { loadCommentDto } from "./comment-dto";
import { MAX_THREAD_COMMENTS } from "./list-comments";

/**
 * POST /api/comments: a comment on a claim's discussion (sanitized on save),
 * starting a thread or, with `parentId`, replying in one. Every active
 * teammate it @-mentions gets a notification that links to it; blind review
 * shows them the notification only while they may see the discussion.
 */
export async function createComment(user: Viewer, input: CreateCommentInput): Promise<CommentDto> {
  const target = await findOpenThread(user, input);
  const bodyHtml = sanitizeRichText(input.body);
  if (!bodyHtml) throw new AppError("INVALID_INPUT", "Write something first.", { field: "body" });
  const parentId = input.parentId ? await threadRoot(user.teamId, target, input.parentId) : null;
  const count = await db.comment.count({ where: { ...target.where, teamId: user.teamId } });
  if (count >= MAX_THREAD_COMMENTS) throw new AppError("CONFLICT", `This discussion is full (${MAX_THREAD_COMMENTS} comments).`);
  // Read before the transaction: PostgreSQL must not run a nested read inside one (ARCHITECTURE.md, Databases).
  const mentioned = await commentMentions(user.teamId, user.id, bodyHtml);

  const id = newId();
  const batch = await db.$transaction(async (tx) => {
    await tx.comment.create({ data: { id, teamId: user.teamId, authorId: user.id, bodyHtml, parentId, ...target.where } });
    const notified = await insertNotifications(tx, user.teamId, user.id, mentionNotices(user, target, id, mentioned));
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "comment.create",
      objectType: "comment",
      objectId: id,
      after: { ...target.where, parentId, bodyHtml, mentioned: notified.userIds },
    });
    return notified;
  });
  publishThreadChange(user.teamId, target);
  announceNotifications(batch);
  return loadCommentDto(id, user.teamId, user, target.claimAuthorId);
}

/** The mention notifications of comment `commentId`, for the members `userIds`. */
export function mentionNotices(user: Viewer, target: CommentTarget, commentId: string, userIds: readonly string[]) {
  return userIds.map((userId) => ({
    userId,
    kind: "mention" as const,
    objectType: "comment",
    objectId: commentId,
    articleId: target.articleId,
    commentId,
    text: `${user.name ?? user.email} mentioned you on ${target.label}.`,
    url: target.link(commentId),
  }));
}

/** The first comment of the thread a reply joins (a reply to a reply joins its thread), or 404. */
async function threadRoot(teamId: string, target: CommentTarget, parentId: string): Promise<string> {
  const parent = await db.comment.findFirst({ where: { id: parentId, teamId, ...target.where }, select: { id: true, parentId: true } });
  if (!parent) throw notFound("The comment you reply to is not in this discussion.");
  return parent.parentId ?? parent.id;
}
