import { withUser } from "@/lib/api/handler";
import { listSuggestions } from "@/lib/server/assist/list-suggestions";

export const GET = withUser<{ articleId: string }>(({ user, params }) => listSuggestions(user, params.articleId));
