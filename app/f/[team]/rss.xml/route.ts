import { publicRoute } from "@/lib/api/public-route";
import { buildRss } from "@/lib/publish/feeds";
import { listPublicFactChecks } from "@/lib/server/publications/list-public-fact-checks";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";

/** GET /f/{team}/rss.xml: the team's published fact-checks as RSS 2.0 (public). */
export const GET = publicRoute<{ team: string }>(async ({ req, params }) => {
  const list = await listPublicFactChecks(params.team);
  return { body: buildRss({ ...list, baseUrl: publicBaseUrl(req) }), type: "application/rss+xml; charset=utf-8" };
});
