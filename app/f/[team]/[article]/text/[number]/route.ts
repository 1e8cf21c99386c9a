import { publicRoute } from "@/lib/api/public-route";
import { notFound } from "@/lib/errors";
import { loadPublicText } from "@/lib/server/publications/load-public-text";

/** GET /f/{team}/{article}/text/{n}: the exact text of article version n as the published fact-check checked it (W3C `cached`). */
export const GET = publicRoute<{ team: string; article: string; number: string }>(async ({ params }) => {
  if (!/^[1-9]\d{0,8}$/.test(params.number)) throw notFound();
  return { body: await loadPublicText(params.team, params.article, Number(params.number)), type: "text/plain; charset=utf-8" };
});
