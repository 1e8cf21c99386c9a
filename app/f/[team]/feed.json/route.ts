import { publicRoute } from "@/lib/api/public-route";
import { buildJsonFeed } from "@/lib/publish/feeds";
import { listPublicFactChecks } from "@/lib/server/publications/list-public-fact-checks";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";

/** GET /f/{team}/feed.json: the team's published fact-checks as JSON Feed 1.1 (public). */
export const GET = publicRoute<{ team: string }>(async ({ req, params }) => {
  const list = await listPublicFactChecks(params.team);
  return { body: buildJsonFeed({ ...list, baseUrl: publicBaseUrl(req) }), type: "application/feed+json; charset=utf-8" };
});
