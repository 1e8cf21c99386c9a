import { readJson, withUser } from "@/lib/api/handler";
import { suggestionDecisionSchema } from "@/lib/schemas/assist";
import { decideSuggestion } from "@/lib/server/assist/decide-suggestion";

export const POST = withUser<{ articleId: string }>(async ({ req, user, params }) =>
  decideSuggestion(user, params.articleId, await readJson(req, suggestionDecisionSchema, 4 * 1024)),
);
