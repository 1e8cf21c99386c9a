import { z } from "zod";
import { RICH_TEXT_MAX } from "@/lib/rich-text/allowed";

const id = z.string().min(1).max(64);

/**
 * A discussion belongs to one claim: an annotation (any member's claim on the
 * article page), a cluster (during adjudication) or a final claim. Exactly one of the three.
 */
const target = z.object({ annotationId: id.optional(), clusterId: id.optional(), claimId: id.optional() });
const oneTarget = <T extends { annotationId?: string; clusterId?: string; claimId?: string }>(v: T) =>
  (v.annotationId ? 1 : 0) + (v.clusterId ? 1 : 0) + (v.claimId ? 1 : 0) === 1;
const ONE_TARGET = { message: "Name exactly one of annotationId, clusterId or claimId.", path: ["clusterId"] };

/** GET /api/comments?annotationId=… | ?clusterId=… | ?claimId=… */
export const commentThreadSchema = target.refine(oneTarget, ONE_TARGET);
export type CommentThread = z.infer<typeof commentThreadSchema>;

const body = z.string().min(1, "Write something first.").max(RICH_TEXT_MAX, `The comment is longer than ${RICH_TEXT_MAX} characters.`);
const version = z.number().int().min(1);

/** POST /api/comments. `body` is the editor's HTML, sanitized on save; `parentId` makes it a reply in that comment's thread. */
export const createCommentSchema = target.extend({ body, parentId: id.optional() }).refine(oneTarget, ONE_TARGET);
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

/** PATCH /api/comments/{id}: the author edits their comment. `version` is the one they read. */
export const updateCommentSchema = z.object({ version, body });
export type UpdateCommentInput = z.infer<typeof updateCommentSchema>;

/** DELETE /api/comments/{id}?version=N */
export const commentVersionSchema = z.object({ version: z.coerce.number().int().min(1) });

/** POST /api/comments/{id}/resolve: resolves (`resolved: true`) or reopens a thread, named by its first comment. */
export const resolveThreadSchema = z.object({ version, resolved: z.boolean() });
export type ResolveThreadInput = z.infer<typeof resolveThreadSchema>;

/** A person as a comment names them. */
export type CommentPerson = { id: string; name: string | null };

export type CommentDto = {
  id: string;
  /** The thread's first comment, for a reply; null for a comment that starts a thread. */
  parentId: string | null;
  author: CommentPerson;
  /** Sanitized on save; "" once deleted. */
  bodyHtml: string;
  createdAt: string;
  /** When the author last edited it. */
  editedAt: string | null;
  /** A deleted comment keeps its place (and its replies) as a tombstone. */
  deletedAt: string | null;
  version: number;
  /** The teammates this comment notified. */
  mentions: CommentPerson[];
  /** On a thread's first comment: resolved, when and by whom; null while open (and on replies). */
  resolved: { at: string; by: CommentPerson | null } | null;
  /** What the caller may do with it (lib/policies/comment.ts). */
  can: { edit: boolean; delete: boolean; resolve: boolean };
};

/** GET /api/articles/{id}/discussions: per claim (annotation id) with a discussion, its live comments and open threads. */
export type DiscussionCountsDto = Record<string, { comments: number; open: number }>;
