import { withUser } from "@/lib/api/handler";
import { listArticles } from "@/lib/server/articles/list-articles";

export const GET = withUser(({ user }) => listArticles(user));
