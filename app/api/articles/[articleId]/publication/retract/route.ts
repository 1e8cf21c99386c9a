import { readJson, withUser } from "@/lib/api/handler";
import { retractSchema } from "@/lib/schemas/publication";
import { retractPublication } from "@/lib/server/publications/retract-publication";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";

/** POST /api/articles/{id}/publication/retract `{ version, reason }`: withdraw the published fact-check (editors and admins). */
export const POST = withUser<{ articleId: string }>(async ({ req, user, params }) =>
  retractPublication(user, params.articleId, await readJson(req, retractSchema), publicBaseUrl(req)),
);
