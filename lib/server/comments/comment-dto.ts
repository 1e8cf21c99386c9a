import { db } from "@/lib/db";
import { commentPermissions, type CommentActor } from "@/lib/policies/comment";
import type { CommentDto, CommentPerson } from "@/lib/schemas/comment";

/** The columns a comment DTO needs. */
export const commentSelect = {
  id: true,
  parentId: true,
  bodyHtml: true,
  createdAt: true,
  editedAt: true,
  deletedAt: true,
  version: true,
  authorId: true,
  annotationId: true,
  clusterId: true,
  claimId: true,
  resolvedAt: true,
  author: { select: { id: true, name: true } },
  resolvedBy: { select: { id: true, name: true } },
} as const;

type CommentRow = {
  id: string;
  parentId: string | null;
  bodyHtml: string;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  version: number;
  authorId: string;
  resolvedAt: Date | null;
  author: CommentPerson;
  resolvedBy: CommentPerson | null;
};

/** A comment as the API returns it: a deleted one keeps its place and author, not its body. */
export function toCommentDto(row: CommentRow, actor: CommentActor, claimAuthorId: string | null, mentions: CommentPerson[]): CommentDto {
  return {
    id: row.id,
    parentId: row.parentId,
    author: row.author,
    bodyHtml: row.deletedAt ? "" : row.bodyHtml,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    deletedAt: row.deletedAt?.toISOString() ?? null,
    version: row.version,
    mentions: row.deletedAt ? [] : mentions,
    resolved: !row.parentId && row.resolvedAt ? { at: row.resolvedAt.toISOString(), by: row.resolvedBy } : null,
    can: commentPermissions(actor, row, { claimAuthorId }),
  };
}

/** Who each comment notified (its mention notifications), by comment id. */
export async function mentionsOf(teamId: string, commentIds: readonly string[]): Promise<Map<string, CommentPerson[]>> {
  const rows = commentIds.length
    ? await db.notification.findMany({
        where: { teamId, kind: "mention", commentId: { in: [...commentIds] } },
        select: { commentId: true, user: { select: { id: true, name: true } } },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const byComment = new Map<string, CommentPerson[]>();
  for (const r of rows) byComment.set(r.commentId!, [...(byComment.get(r.commentId!) ?? []), r.user]);
  return byComment;
}

/** One comment's DTO, read after a change. */
export async function loadCommentDto(id: string, teamId: string, actor: CommentActor, claimAuthorId: string | null): Promise<CommentDto> {
  const row = await db.comment.findFirstOrThrow({ where: { id, teamId }, select: commentSelect });
  return toCommentDto(row, actor, claimAuthorId, (await mentionsOf(teamId, [id])).get(id) ?? []);
}
