import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { commentVersionSchema, updateCommentSchema } from "@/lib/schemas/comment";
import { deleteComment } from "@/lib/server/comments/delete-comment";
import { updateComment } from "@/lib/server/comments/update-comment";

/** PATCH /api/comments/{commentId} { version, body }: the author edits their comment. */
export const PATCH = withUser<{ commentId: string }>(async ({ req, viewer, params }) =>
  updateComment(await viewer(), params.commentId, await readJson(req, updateCommentSchema)),
);

/** DELETE /api/comments/{commentId}?version=N: the author deletes their comment (a tombstone). */
export const DELETE = withUser<{ commentId: string }>(async ({ req, viewer, params }) =>
  deleteComment(await viewer(), params.commentId, readQuery(req, commentVersionSchema).version),
);
