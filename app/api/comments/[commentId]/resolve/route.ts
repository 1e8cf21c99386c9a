import { readJson, withUser } from "@/lib/api/handler";
import { resolveThreadSchema } from "@/lib/schemas/comment";
import { resolveThread } from "@/lib/server/comments/resolve-thread";

/** POST /api/comments/{commentId}/resolve { version, resolved }: resolves or reopens the thread this comment starts. */
export const POST = withUser<{ commentId: string }>(async ({ req, viewer, params }) =>
  resolveThread(await viewer(), params.commentId, await readJson(req, resolveThreadSchema)),
);
