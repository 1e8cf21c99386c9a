import { db } from "@/lib/db";
import type { ReportModel } from "@/lib/export/report-model";
import { listFinalClaimsOfVersions } from "@/lib/server/claims/list-final-claims";
import type { Visibility } from "@/lib/policies/visibility";
import { roundAgreements } from "@/lib/server/reviews/round-agreement-data";
import { reportPublications } from "@/lib/server/publications/report-publication";
import { assembleReportModel, type LoadReportOptions } from "./load-report";
import { loadCorrections } from "./load-corrections";
import { toReportClaim } from "./to-report-claim";
import { reportTeamSelect, toReportTeam } from "./report-team";

/**
 * The article reports (final claims on the current version, as loadReport
 * makes them without a round) of many articles of `teamId` at once, for the
 * team ZIP: a fixed number of queries for the whole batch (articles, their
 * current versions, the two kinds of final claims with their evidence and
 * reviews, the round figures), not a set per article. In the order of
 * `articleIds`; an article deleted meanwhile is left out.
 *
 * Blind review is the rule loadReport applies (listFinalClaimsOfVersions
 * and roundAgreements take the viewer's Visibility): an article the viewer
 * reviews blind gets a report without claims or figures.
 */
export async function loadReports(v: Visibility, articleIds: string[], opts: LoadReportOptions): Promise<ReportModel[]> {
  const teamId = v.teamId;
  if (articleIds.length === 0) return [];
  const [team, articles, latest, published] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: reportTeamSelect }).then(toReportTeam),
    db.article.findMany({ where: { teamId, id: { in: articleIds }, deletedAt: null } }),
    db.articleVersion.groupBy({ by: ["articleId"], where: { articleId: { in: articleIds }, article: { teamId } }, _max: { number: true } }),
    reportPublications(teamId, articleIds, opts.baseUrl),
  ]);
  const newest = new Map(latest.map((v) => [v.articleId, v._max.number]));
  const versions = await db.articleVersion.findMany({
    where: { article: { teamId }, OR: [...newest].map(([articleId, number]) => ({ articleId, number: number! })) },
  });
  const current = new Map(versions.map((v) => [v.articleId, v]));

  const corrections = await loadCorrections(
    teamId,
    versions.map((x) => ({ articleId: x.articleId, number: x.number })),
  );
  const finals = await listFinalClaimsOfVersions(
    v,
    versions.map((x) => ({ articleId: x.articleId, versionId: x.id })),
  );

  // Round figures only for an article whose claims all come from one round, as loadReport does.
  const soleRound = new Map<string, string>();
  for (const [articleId, claims] of finals) {
    const rounds = new Set(claims.map((c) => c.cluster?.roundId).filter((id): id is string => !!id));
    if (rounds.size === 1) soleRound.set(articleId, [...rounds][0]!);
  }
  const figures = soleRound.size ? await roundAgreements(v, [...new Set(soleRound.values())]) : [];
  const figuresOf = new Map(figures.map((f) => [f.round.id, f]));

  const byId = new Map(articles.map((a) => [a.id, a]));
  return articleIds.flatMap((id) => {
    const article = byId.get(id);
    const version = current.get(id);
    if (!article || !version) return [];
    const roundId = soleRound.get(id);
    return [
      assembleReportModel({
        opts,
        team,
        article,
        version,
        corrections: corrections.get(id) ?? [],
        round: null,
        rejected: [],
        assigned: [],
        publication: published.get(id) ?? null,
        claims: (finals.get(id) ?? []).map((c, i) => toReportClaim(c, i + 1)),
        figures: roundId ? figuresOf.get(roundId) : undefined,
      }),
    ];
  });
}
