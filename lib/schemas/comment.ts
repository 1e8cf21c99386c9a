import { z } from "zod";
import { RICH_TEXT_MAX } from "@/lib/rich-text/allowed";

const id = z.string().min(1).max(64);

/** A thread belongs to a cluster (during adjudication) or to a final claim. Exactly one of the two. */
const target = z.object({ clusterId: id.optional(), claimId: id.optional() });
const oneTarget = <T extends { clusterId?: string; claimId?: string }>(v: T) => (v.clusterId ? 1 : 0) + (v.claimId ? 1 : 0) === 1;

/** GET /api/comments?clusterId=… or ?claimId=… */
export const commentThreadSchema = target.refine(oneTarget, { message: "Name exactly one of clusterId or claimId.", path: ["clusterId"] });
export type CommentThread = z.infer<typeof commentThreadSchema>;

/** POST /api/comments. `body` is the editor's HTML, sanitized on save. */
export const createCommentSchema = target
  .extend({ body: z.string().min(1, "Write something first.").max(RICH_TEXT_MAX, `The comment is longer than ${RICH_TEXT_MAX} characters.`) })
  .refine(oneTarget, { message: "Name exactly one of clusterId or claimId.", path: ["clusterId"] });
export type CreateCommentInput = z.infer<typeof createCommentSchema>;

export type CommentDto = {
  id: string;
  author: { id: string; name: string | null };
  /** Sanitized on save. */
  bodyHtml: string;
  createdAt: string;
  /** The teammates this comment notified. */
  mentions: { id: string; name: string | null }[];
};

/** POST /api/notifications/read: the ids to mark read, or every unread one when omitted. */
export const markReadSchema = z.object({ ids: z.array(id).max(200).optional() });

export type NotificationDto = { id: string; kind: string; text: string; url: string | null; readAt: string | null; createdAt: string };
export type NotificationsDto = { unread: number; items: NotificationDto[] };
