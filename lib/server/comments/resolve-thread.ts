import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { threadResolveRefusal } from "@/lib/policies/comment";
import type { CommentDto, ResolveThreadInput } from "@/lib/schemas/comment";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { publishThreadChange } from "./find-comment-target";
import { findComment } from "./find-comment";
import { loadCommentDto } from "./comment-dto";

/**
 * POST /api/comments/{id}/resolve { version, resolved }: resolves a thread
 * (named by its first comment) or reopens it. Whoever started it, the
 * claim's author and editors may (lib/policies/comment.ts). A compare-and-set
 * on the first comment's version; resolving what is already resolved (or
 * reopening what is open) changes nothing and answers the thread as it is.
 */
export async function resolveThread(user: Viewer, commentId: string, input: ResolveThreadInput): Promise<CommentDto> {
  const { comment, target } = await findComment(user, commentId);
  const refusal = threadResolveRefusal(user, comment, { claimAuthorId: target.claimAuthorId });
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const current = () => loadCommentDto(commentId, user.teamId, user, target.claimAuthorId);
  if (comment.version !== input.version)
    throw new AppError("CONFLICT", "This thread changed in the meantime. Here it is as it is now.", { current: await current() });
  if (!!comment.resolvedAt === input.resolved) return current();
  const now = new Date();
  const after = input.resolved ? { resolvedAt: now, resolvedById: user.id } : { resolvedAt: null, resolvedById: null };
  const done = await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({
      where: { id: commentId, teamId: user.teamId, version: input.version },
      data: { ...after, version: { increment: 1 } },
    });
    if (count === 0) return false;
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: input.resolved ? "comment.resolve" : "comment.reopen",
      objectType: "comment",
      objectId: commentId,
      before: { resolvedAt: comment.resolvedAt, resolvedById: comment.resolvedById, version: input.version },
      after: { ...after, version: input.version + 1 },
    });
    return true;
  });
  if (!done) throw new AppError("CONFLICT", "This thread changed in the meantime. Here it is as it is now.", { current: await current() });
  publishThreadChange(user.teamId, target);
  return current();
}
