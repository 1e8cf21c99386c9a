import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { ReportClaim, ReportModel, ReportPublication, ReportPerson, ReportRejection } from "@/lib/export/report-model";
import { summarizeClaims } from "@/lib/export/summarize-claims";
import { findArticle } from "@/lib/server/articles/find-article";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";
import { findRound } from "@/lib/server/reviews/find-round";
import { roundTextVersion } from "@/lib/server/reviews/round-text-version";
import { roundAgreements } from "@/lib/server/reviews/round-agreement-data";
import { isReviewingBlind, type Visibility } from "@/lib/policies/visibility";
import { listRejectedClusters } from "@/lib/server/reviews/rejected-clusters";
import { reportPerson, toReportClaim, toReportRejection } from "./to-report-claim";
import { reportTeamSelect, toReportTeam } from "./report-team";
import { reportPublications } from "@/lib/server/publications/report-publication";
import { loadCorrections } from "./load-corrections";
import { readLineKinds } from "@/lib/anchoring/line-kinds";

export type LoadReportOptions = {
  /** The app's public origin, for links and IRIs. */
  baseUrl: string;
  /** One review round's report instead of the article's (404 when it is not this article's). */
  roundId?: string;
  publishedUrl?: string | null;
  now?: Date;
};

/**
 * The report of an article of the viewer's team: its final claims on the
 * current version (decided clusters and editors' own claims, as
 * listFinalClaims defines them), or those of one review round. 404 for
 * another team's article or round. Blind review applies: a viewer reviewing
 * the article blind gets it without claims, rejected clusters or agreement
 * figures, as GET /api/articles/{id}/final-claims answers them an empty list.
 *
 * A round's report is shown on the version its claims are on now. That is
 * the version the round reviewed until a correction moves them (all of a
 * round's claims move together, and so do its cluster members); the report
 * then says which version the round reviewed (roundTextVersion, shared
 * with the round page).
 */
export async function loadReport(v: Visibility, articleId: string, opts: LoadReportOptions): Promise<ReportModel> {
  const teamId = v.teamId;
  const { article, current } = await findArticle(teamId, articleId);
  const round = opts.roundId ? await findRound(teamId, opts.roundId) : null;
  if (round && round.articleId !== articleId) throw notFound("Review round not found.");
  // A viewer reviewing the article blind gets no outcome at all: no claims, no rejected clusters (list-final-claims.ts).
  const hidden = isReviewingBlind(v, articleId);
  const final = hidden ? [] : await listFinalClaims(v, articleId, round ? { allVersions: true, roundId: round.id } : {});
  const shown = round
    ? await roundTextVersion(
        teamId,
        round,
        final.map((c) => c.versionId),
      )
    : null;
  const versionId = shown?.id ?? current.id;
  // A claim on another version than the one shown has no place in its text: listed like an orphan, never highlighted at foreign offsets.
  const claims = final.map((c, i) =>
    toReportClaim(c.versionId === versionId ? c : { ...c, anchorState: "orphaned", start: 0, end: 0 }, i + 1),
  );

  const rejected = round && !hidden ? (await listRejectedClusters(v, round.id)).map(toReportRejection) : [];

  const [team, version, adjudicator, assigned, published] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: teamId }, select: reportTeamSelect }).then(toReportTeam),
    versionId === current.id ? current : db.articleVersion.findFirstOrThrow({ where: { id: versionId, articleId } }),
    round ? db.user.findUniqueOrThrow({ where: { id: round.adjudicatorId }, select: { id: true, name: true } }) : null,
    round ? db.user.findMany({ where: { id: { in: round.assignments.map((a) => a.reviewerId) } }, select: { id: true, name: true } }) : [],
    // An article report links to the public page when the fact-check is published; a round's report stays the desk's.
    round ? new Map() : reportPublications(teamId, [articleId], opts.baseUrl),
  ]);
  const corrections = (await loadCorrections(teamId, [{ articleId, number: version.number }])).get(articleId) ?? [];
  const roundIds = [...new Set(final.map((c) => c.cluster?.roundId).filter((id): id is string => !!id))];
  const [figures] = roundIds.length === 1 ? await roundAgreements(v, roundIds) : [];

  return assembleReportModel({
    opts,
    team,
    article,
    version,
    corrections,
    claims,
    rejected,
    assigned,
    figures,
    publication: published.get(articleId) ?? null,
    round:
      round && adjudicator
        ? {
            id: round.id,
            status: round.status,
            reviewedVersion: shown?.reviewedNumber,
            adjudicator: reportPerson(adjudicator),
            createdAt: round.createdAt.toISOString(),
            revealedAt: round.revealedAt?.toISOString() ?? null,
            adjudicatedAt: round.adjudicatedAt?.toISOString() ?? null,
            closedAt: round.closedAt?.toISOString() ?? null,
          }
        : null,
  });
}

/** What a report is made of, loaded (load-report.ts for one article, load-reports.ts for many). */
export type ReportParts = {
  opts: Pick<LoadReportOptions, "baseUrl" | "publishedUrl" | "now">;
  team: ReportModel["team"];
  article: ReportModel["article"];
  version: { id: string; number: number; text: string; textHash: string; createdAt: Date; lineKinds: unknown };
  /** The corrections that led to `version` (load-corrections.ts). */
  corrections: ReportModel["corrections"];
  round: ReportModel["round"];
  claims: ReportClaim[];
  rejected: ReportRejection[];
  /** A round's assigned reviewers, named in the report even when they marked nothing. */
  assigned: { id: string; name: string | null }[];
  /** Where the article's fact-check is published, if it is. */
  publication?: ReportPublication | null;
  /** The agreement figures of the one round the claims come from, if they come from one. */
  figures?: { agreement: { verdicts: { alpha: number | null }; spanF1: number | null } };
};

/**
 * The report model of loaded parts: everyone named by what they did, each
 * once per role: the reviewers (assigned to the round, or whose reading is in
 * a cluster), the adjudicators, and the editors whose own claims, made
 * outside a round, are in it. One person may be in several (an editor who
 * adjudicated and tagged claims of their own); an adjudicator is a reviewer
 * only where they reviewed. And the summary.
 */
export function assembleReportModel(p: ReportParts): ReportModel {
  const named = (people: (ReportPerson | null | undefined)[]) =>
    [...new Map(people.filter((x): x is ReportPerson => !!x).map((x) => [x.id, x])).values()].sort((a, b) => a.name.localeCompare(b.name));
  const reviewers = named([
    ...p.assigned.map(reportPerson),
    ...p.claims.flatMap((c) => c.reviews.map((r) => r.reviewer)),
    ...p.rejected.flatMap((r) => r.reviews.map((v) => v.reviewer)),
  ]);
  const adjudicators = named([...p.claims.map((c) => c.decision?.by), ...p.rejected.map((r) => r.decision.by)]);
  // A decided claim's author is its adjudicator, named as such; an editor's own claim has no reviews and no decision.
  const editors = named(p.claims.map((c) => (c.decision || c.reviews.length ? null : c.author)));
  const { article, version, figures } = p;
  return {
    generatedAt: (p.opts.now ?? new Date()).toISOString(),
    baseUrl: p.opts.baseUrl.replace(/\/+$/, ""),
    publishedUrl: p.opts.publishedUrl ?? null,
    team: p.team,
    ...(p.publication ? { publication: p.publication } : {}),
    article: {
      id: article.id,
      title: article.title,
      outlet: article.outlet,
      author: article.author,
      publishedDate: article.publishedDate,
      url: article.url,
    },
    version: {
      id: version.id,
      number: version.number,
      text: version.text,
      textHash: version.textHash,
      createdAt: version.createdAt.toISOString(),
      lineKinds: readLineKinds(version.lineKinds, version.text.split("\n").length),
    },
    corrections: p.corrections ?? [],
    round: p.round,
    reviewers,
    adjudicators,
    editors,
    claims: p.claims,
    rejected: p.rejected,
    summary: {
      ...summarizeClaims(p.claims),
      roundAgreement: figures ? { alpha: figures.agreement.verdicts.alpha, spanF1: figures.agreement.spanF1 } : null,
    },
  };
}
