import { publicRoute } from "@/lib/api/public-route";
import { renderTeamIndex } from "@/lib/publish/render-team-index";
import { listPublicFactChecks } from "@/lib/server/publications/list-public-fact-checks";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";

/** GET /f/{team}: the team's published fact-checks (public, no sign-in). */
export const GET = publicRoute<{ team: string }>(async ({ req, params }) => {
  const list = await listPublicFactChecks(params.team);
  return { body: renderTeamIndex({ ...list, baseUrl: publicBaseUrl(req) }), type: "text/html; charset=utf-8" };
});
