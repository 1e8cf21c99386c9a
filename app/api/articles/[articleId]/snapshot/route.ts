import { withUser } from "@/lib/api/handler";
import { downloadSnapshot } from "@/lib/server/articles/download-snapshot";

/** The fetched page as it was, as a download. */
export const GET = withUser<{ articleId: string }>(({ user, params }) => downloadSnapshot(user, params.articleId));
