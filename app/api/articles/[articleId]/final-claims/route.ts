import { withUser } from "@/lib/api/handler";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";

/**
 * GET /api/articles/{id}/final-claims: the claims reports export (decided clusters and editors' claims).
 * A reviewer during their own blind round on the article gets an empty list (blind review).
 */
export const GET = withUser<{ articleId: string }>(({ user, params }) => listFinalClaims(user.teamId, params.articleId, { viewer: user }));
