import { db } from "@/lib/db";
import type { Prisma } from "@/generated/sqlite";
import { personSelect } from "@/lib/server/person-select";
import type { Verdict } from "@/lib/schemas/claim";
import type { ClusterDto, DecisionDto } from "@/lib/schemas/review";
import type { ClusterKind } from "@/lib/schemas/review";
import { representativesOf } from "@/lib/review/cluster-annotations";
import type { Visibility } from "@/lib/policies/visibility";
import { visibleClusterWhere } from "@/lib/server/visibility/visible-where";

/** The columns of a cluster's claim that a cluster read shows and a decision records as the claim before it. */
export const clusterClaimSelect = {
  id: true,
  start: true,
  end: true,
  exact: true,
  verdict: true,
  rationaleHtml: true,
  deletedAt: true,
  _count: { select: { evidenceLinks: { where: { deletedAt: null } } } },
} as const;

/** The columns a cluster read selects: members side by side, decisions, the claim. */
export const clusterSelect = {
  id: true,
  roundId: true,
  number: true,
  kind: true,
  status: true,
  start: true,
  end: true,
  version: true,
  round: { select: { id: true, teamId: true, articleId: true, versionId: true, status: true } },
  members: {
    select: {
      annotation: {
        select: {
          id: true,
          authorId: true,
          author: personSelect,
          start: true,
          end: true,
          exact: true,
          verdict: true,
          rationaleHtml: true,
          evidenceLinks: {
            where: { deletedAt: null },
            select: {
              id: true,
              stance: true,
              pinpoint: true,
              evidence: { select: { id: true, title: true, url: true, kind: true, deletedAt: true } },
            },
            orderBy: { createdAt: "asc" },
          },
        },
      },
    },
  },
  decisions: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      action: true,
      boundary: true,
      start: true,
      end: true,
      verdict: true,
      rationaleHtml: true,
      clusterVersion: true,
      createdAt: true,
      decider: personSelect,
    },
  },
  claim: { select: clusterClaimSelect },
  _count: { select: { comments: { where: { deletedAt: null } } } },
} as const;

type Where = Prisma.ClusterWhereInput;

/** Cluster rows matching `where` that the viewer may see (none of an article they review blind), in text order. */
export function findClusterRows(v: Visibility, where: Where) {
  return db.cluster.findMany({ where: { AND: [visibleClusterWhere(v), where] }, select: clusterSelect, orderBy: { number: "asc" } });
}
export type ClusterRow = Awaited<ReturnType<typeof findClusterRows>>[number];

type DecisionRow = ClusterRow["decisions"][number];
const toDecision = (d: DecisionRow): DecisionDto => ({
  ...d,
  action: d.action as DecisionDto["action"],
  verdict: (d.verdict as Verdict | null) ?? null,
  createdAt: d.createdAt.toISOString(),
});

export function toClusterDto(row: ClusterRow): ClusterDto {
  const annotations = row.members.map((m) => m.annotation).sort((a, b) => a.start - b.start || a.end - b.end);
  const reps = new Set(
    Object.values(representativesOf(annotations.map((a) => ({ ...a, reviewerId: a.authorId, verdict: a.verdict as Verdict })))),
  );
  const history = row.decisions.map(toDecision);
  const claim = row.claim && !row.claim.deletedAt ? row.claim : null;
  return {
    id: row.id,
    roundId: row.roundId,
    number: row.number,
    kind: row.kind as ClusterKind,
    status: row.status as ClusterDto["status"],
    start: row.start,
    end: row.end,
    version: row.version,
    members: annotations.map((a) => ({
      annotationId: a.id,
      reviewer: a.author,
      start: a.start,
      end: a.end,
      exact: a.exact,
      verdict: a.verdict as Verdict,
      rationaleHtml: a.rationaleHtml,
      representative: reps.has(a.id),
      evidence: a.evidenceLinks.map((l) => ({
        id: l.id,
        stance: l.stance,
        pinpoint: l.pinpoint,
        evidence: {
          id: l.evidence.id,
          title: l.evidence.title,
          url: l.evidence.url,
          kind: l.evidence.kind,
          deleted: !!l.evidence.deletedAt,
        },
      })),
    })),
    decision: history[history.length - 1] ?? null,
    history,
    claim: claim
      ? {
          id: claim.id,
          start: claim.start,
          end: claim.end,
          exact: claim.exact,
          verdict: claim.verdict as Verdict,
          rationaleHtml: claim.rationaleHtml,
          evidenceCount: claim._count.evidenceLinks,
        }
      : null,
    commentCount: row._count.comments,
  };
}

/** One cluster the viewer may see as a DTO, or null. */
export async function loadClusterDto(v: Visibility, clusterId: string): Promise<ClusterDto | null> {
  const [row] = await findClusterRows(v, { id: clusterId });
  return row ? toClusterDto(row) : null;
}
