import { withUser } from "@/lib/api/handler";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";

/**
 * GET /api/articles/{id}/final-claims: the claims reports export (decided clusters and editors' claims).
 * A member reviewing the article blind gets an empty list (blind review).
 */
export const GET = withUser<{ articleId: string }>(async ({ viewer, params }) =>
  listFinalClaims((await viewer()).visibility, params.articleId),
);
