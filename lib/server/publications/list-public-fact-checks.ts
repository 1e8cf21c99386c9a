import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isPublicSlug } from "@/lib/publish/public-urls";
import { reportTeamSelect, toReportTeam } from "@/lib/server/reports/report-team";
import type { Publisher } from "@/lib/publish/page-shell";
import type { PublicEntry } from "@/lib/publish/render-team-index";

/** How many fact-checks the team index and the feeds list, newest change first. */
export const PUBLIC_LIST_LIMIT = 100;

/** GET /f/{team} and its feeds (public): the team's published and withdrawn fact-checks, newest change first, for the index page and the feeds. */
export async function listPublicFactChecks(
  teamSlug: string,
): Promise<{ teamSlug: string; teamName: string; language: string; publisher: Publisher; entries: PublicEntry[] }> {
  if (!isPublicSlug(teamSlug)) throw notFound("No such fact-checker.");
  const team = await db.team.findUnique({ where: { slug: teamSlug }, select: reportTeamSelect });
  if (!team) throw notFound("No such fact-checker.");
  const rows = await db.publication.findMany({
    where: { teamId: team.id, article: { deletedAt: null } },
    orderBy: [{ changedAt: "desc" }, { id: "desc" }],
    take: PUBLIC_LIST_LIMIT,
    select: {
      slug: true,
      title: true,
      status: true,
      claimCount: true,
      summary: true,
      retractionReason: true,
      firstPublishedAt: true,
      changedAt: true,
      article: { select: { outlet: true } },
    },
  });
  const t = toReportTeam(team);
  return {
    teamSlug,
    teamName: team.name,
    language: t.language ?? "en",
    publisher: t.publisher ?? { name: team.name, url: null, logoUrl: null },
    entries: rows.map((r) => ({
      slug: r.slug,
      title: r.title,
      outlet: r.article.outlet,
      status: r.status,
      claimCount: r.claimCount,
      summary: r.status === "retracted" ? (r.retractionReason ?? "") : r.summary,
      firstPublishedAt: r.firstPublishedAt.toISOString(),
      changedAt: r.changedAt.toISOString(),
    })),
  };
}
