import { publicRoute } from "@/lib/api/public-route";
import { renderPublicPage } from "@/lib/publish/render-public-page";
import { loadPublicPage } from "@/lib/server/publications/load-public-page";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";

/** GET /f/{team}/{article}: one published (or withdrawn) fact-check (public, no sign-in). */
export const GET = publicRoute<{ team: string; article: string }>(async ({ req, params }) => ({
  body: renderPublicPage(await loadPublicPage(params.team, params.article, publicBaseUrl(req))),
  type: "text/html; charset=utf-8",
}));
