import { readJson, readQuery, withUser } from "@/lib/api/handler";
import { commentThreadSchema, createCommentSchema } from "@/lib/schemas/comment";
import { listComments } from "@/lib/server/comments/list-comments";
import { createComment } from "@/lib/server/comments/create-comment";
import { jsonResponse } from "@/lib/api/json-response";

/** GET /api/comments?annotationId=… | ?clusterId=… | ?claimId=…: one claim's discussion. */
export const GET = withUser(async ({ req, viewer }) => listComments(await viewer(), readQuery(req, commentThreadSchema)));

/** POST /api/comments: a new comment (sanitized; @-mentions notify). */
export const POST = withUser(async ({ req, viewer }) =>
  jsonResponse(await createComment(await viewer(), await readJson(req, createCommentSchema)), { status: 201 }),
);
