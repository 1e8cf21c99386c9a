import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { findOpenThread, threadOf } from "./find-comment-target";

/**
 * A comment of the caller's team in a discussion they may see, with that
 * discussion (404 for another team's, 404 or 403 as blind review answers for its claim).
 */
export async function findComment(user: Viewer, commentId: string) {
  const comment = await db.comment.findFirst({
    where: { id: commentId, teamId: user.teamId },
    select: {
      id: true,
      authorId: true,
      parentId: true,
      bodyHtml: true,
      version: true,
      deletedAt: true,
      resolvedAt: true,
      resolvedById: true,
      annotationId: true,
      clusterId: true,
      claimId: true,
    },
  });
  if (!comment) throw notFound("Comment not found.");
  return { comment, target: await findOpenThread(user, threadOf(comment)) };
}
