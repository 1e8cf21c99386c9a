import { withUser } from "@/lib/api/handler";
import { listDiscussionCounts } from "@/lib/server/comments/list-discussion-counts";

/** GET /api/articles/{articleId}/discussions: per claim, its comments and open threads (the cards' counts). */
export const GET = withUser<{ articleId: string }>(async ({ viewer, params }) => listDiscussionCounts(await viewer(), params.articleId));
