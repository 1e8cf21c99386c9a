import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { CommentDto, CreateCommentInput } from "@/lib/schemas/comment";
import { richTextToPlain, sanitizeRichText } from "@/lib/rich-text/sanitize";
import { findMentions } from "@/lib/review/find-mentions";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { findOpenThread } from "./find-comment-target";

/**
 * POST /api/comments: adds a comment to a cluster's or claim's thread,
 * sanitized on save. Every teammate it @-mentions gets a notification.
 */
export async function createComment(user: Viewer, input: CreateCommentInput): Promise<CommentDto> {
  const target = await findOpenThread(user, input);
  const bodyHtml = sanitizeRichText(input.body);
  if (!bodyHtml) throw new AppError("INVALID_INPUT", "Write something first.", { field: "body" });
  const members = await db.membership.findMany({ where: { teamId: user.teamId }, select: { user: { select: { id: true, name: true, email: true } } } });
  const mentioned = findMentions(richTextToPlain(bodyHtml), members.map((m) => m.user)).filter((id) => id !== user.id);

  const id = randomUUID();
  const created = await db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { id, teamId: user.teamId, authorId: user.id, bodyHtml, ...target.where },
      select: { id: true, bodyHtml: true, createdAt: true, author: { select: { id: true, name: true } } },
    });
    await tx.notification.createMany({
      data: mentioned.map((userId) => ({
        teamId: user.teamId, userId, kind: "mention", objectType: "comment", objectId: id,
        text: `${user.name ?? user.email} mentioned you on ${target.label}.`, url: target.url,
      })),
    });
    await recordAuditEvent(tx, { teamId: user.teamId, actorId: user.id, action: "comment.create", objectType: "comment", objectId: id, after: { ...target.where, bodyHtml, mentioned } });
    return comment;
  });
  publishEvent({ team: user.teamId, article: target.articleId, kind: "comment", id: target.where.clusterId ?? target.where.claimId!, version: null });
  if (mentioned.length) publishEvent({ team: user.teamId, article: null, kind: "notification", id, version: null, audience: mentioned });
  return {
    ...created,
    createdAt: created.createdAt.toISOString(),
    mentions: members.filter((m) => mentioned.includes(m.user.id)).map((m) => ({ id: m.user.id, name: m.user.name })),
  };
}
