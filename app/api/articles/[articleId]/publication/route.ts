import { readJson, withUser } from "@/lib/api/handler";
import { publishSchema } from "@/lib/schemas/publication";
import { getPublication } from "@/lib/server/publications/get-publication";
import { publishArticle } from "@/lib/server/publications/publish-article";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";

/** GET /api/articles/{id}/publication: whether and where the article's fact-check is published (every member). */
export const GET = withUser<{ articleId: string }>(({ req, user, params }) => getPublication(user, params.articleId, publicBaseUrl(req)));

/** POST /api/articles/{id}/publication `{ slug?, version?, note? }`: publish, or publish again (editors and admins). */
export const POST = withUser<{ articleId: string }>(async ({ req, params, viewer }) =>
  publishArticle(await viewer(), params.articleId, await readJson(req, publishSchema), publicBaseUrl(req)),
);
