import { publicRoute } from "@/lib/api/public-route";
import { buildAtom } from "@/lib/publish/feeds";
import { listPublicFactChecks } from "@/lib/server/publications/list-public-fact-checks";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";

/** GET /f/{team}/feed.xml: the team's published fact-checks as Atom (public). */
export const GET = publicRoute<{ team: string }>(async ({ req, params }) => {
  const list = await listPublicFactChecks(params.team);
  return { body: buildAtom({ ...list, baseUrl: publicBaseUrl(req) }), type: "application/atom+xml; charset=utf-8" };
});
