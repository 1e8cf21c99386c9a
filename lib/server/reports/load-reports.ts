import { db } from "@/lib/db";
import type { ReportModel } from "@/lib/export/report-model";
import { listFinalClaimsOfVersions, type FinalClaimsViewer } from "@/lib/server/claims/list-final-claims";
import { isReviewingBlind } from "@/lib/server/reviews/annotation-visibility";
import { roundAgreements } from "@/lib/server/reviews/round-agreement-data";
import { assembleReportModel, type LoadReportOptions } from "./load-report";
import { toReportClaim } from "./to-report-claim";

/**
 * The article reports (final claims on the current version, as loadReport
 * makes them without a round) of many articles of `teamId` at once, for the
 * team ZIP: a fixed number of queries for the whole batch (articles, their
 * current versions, the two kinds of final claims with their evidence and
 * reviews, the round figures), not a set per article. In the order of
 * `articleIds`; an article deleted meanwhile is left out.
 *
 * The viewer's blind-review rule is the one loadReport applies
 * (isReviewingBlind, one indexed statement per article): an article the
 * viewer reviews blind gets a report without claims.
 */
export async function loadReports(teamId: string, articleIds: string[], opts: LoadReportOptions & { viewer: FinalClaimsViewer }): Promise<ReportModel[]> {
  if (articleIds.length === 0) return [];
  const [team, articles, latest] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: { id: true, name: true } }),
    db.article.findMany({ where: { teamId, id: { in: articleIds }, deletedAt: null } }),
    db.articleVersion.groupBy({ by: ["articleId"], where: { articleId: { in: articleIds }, article: { teamId } }, _max: { number: true } }),
  ]);
  const newest = new Map(latest.map((v) => [v.articleId, v._max.number]));
  const versions = await db.articleVersion.findMany({
    where: { article: { teamId }, OR: [...newest].map(([articleId, number]) => ({ articleId, number: number! })) },
  });
  const current = new Map(versions.map((v) => [v.articleId, v]));

  const blind = new Set<string>();
  for (const a of articles) {
    const version = current.get(a.id);
    if (version && (await isReviewingBlind(opts.viewer, a.id, version.id))) blind.add(a.id);
  }
  const shown = versions.filter((v) => !blind.has(v.articleId)).map((v) => ({ articleId: v.articleId, versionId: v.id }));
  const finals = await listFinalClaimsOfVersions(teamId, shown);

  // Round figures only for an article whose claims all come from one round, as loadReport does.
  const soleRound = new Map<string, string>();
  for (const [articleId, claims] of finals) {
    const rounds = new Set(claims.map((c) => c.cluster?.roundId).filter((id): id is string => !!id));
    if (rounds.size === 1) soleRound.set(articleId, [...rounds][0]!);
  }
  const figures = soleRound.size ? await roundAgreements(teamId, [...new Set(soleRound.values())]) : [];
  const figuresOf = new Map(figures.map((f) => [f.round.id, f]));

  const byId = new Map(articles.map((a) => [a.id, a]));
  return articleIds.flatMap((id) => {
    const article = byId.get(id);
    const version = current.get(id);
    if (!article || !version) return [];
    const roundId = soleRound.get(id);
    return [assembleReportModel({
      opts, team, article, version, round: null, rejected: [], assigned: [],
      claims: (finals.get(id) ?? []).map((c, i) => toReportClaim(c, i + 1)),
      figures: roundId ? figuresOf.get(roundId) : undefined,
    })];
  });
}
