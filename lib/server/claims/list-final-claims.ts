import { db } from "@/lib/db";
import { personSelect } from "@/lib/server/person-select";
import type { Person } from "@/lib/schemas/person";
import { anchorFields, type Verdict } from "@/lib/schemas/claim";
import type { ClusterKind } from "@/lib/schemas/review";
import { findArticle, type FoundArticle } from "@/lib/server/articles/find-article";
import { isReviewingBlind, type Visibility } from "@/lib/policies/visibility";
import { visibleClaimWhere } from "@/lib/server/visibility/visible-where";
import { evidenceCitationSelect } from "@/lib/server/evidence/evidence-dto";
import { editorFinalClaims, hasEditorFinalClaims } from "./editor-final-claims";
import type { FinalClaim, FinalClaimEvidence, FinalClaimMember } from "@/lib/schemas/final-claim";

/** The columns of an annotation read as a cluster member (FinalClaimMember). */
const memberSelect = { id: true, author: personSelect, start: true, end: true, exact: true, verdict: true, rationaleHtml: true } as const;
const linkSelect = {
  id: true,
  stance: true,
  pinpoint: true,
  evidence: { select: { ...evidenceCitationSelect, deletedAt: true, internal: true } },
} as const;

type LinkRow = {
  id: string;
  stance: string;
  pinpoint: string | null;
  evidence: Omit<FinalClaimEvidence["evidence"], "deleted"> & { deletedAt: Date | null };
};
type MemberRow = { id: string; author: Person; start: number; end: number; exact: string; verdict: string; rationaleHtml: string };

const toEvidence = (l: LinkRow): FinalClaimEvidence => {
  const { deletedAt, ...item } = l.evidence;
  return {
    linkId: l.id,
    stance: l.stance as FinalClaimEvidence["stance"],
    pinpoint: l.pinpoint,
    evidence: { ...item, deleted: !!deletedAt },
  };
};
const toMember = (m: MemberRow): FinalClaimMember => ({
  annotationId: m.id,
  author: m.author,
  start: m.start,
  end: m.end,
  exact: m.exact,
  verdict: m.verdict as Verdict,
  rationaleHtml: m.rationaleHtml,
});

/** Text order, with orphans (no place in the text) after every placed claim, oldest first. */
const textOrder = (x: FinalClaim, y: FinalClaim) =>
  Number(x.anchorState === "orphaned") - Number(y.anchorState === "orphaned") ||
  x.start - y.start ||
  x.end - y.end ||
  x.createdAt.localeCompare(y.createdAt);

/** A cluster's members, read as FinalClaimMembers in text order. */
export const clusterMembersSelect = { select: { annotation: { select: memberSelect } } } as const;
export const membersInTextOrder = (members: { annotation: MemberRow }[]): FinalClaimMember[] =>
  members.map((m) => toMember(m.annotation)).sort((a, b) => a.start - b.start || a.end - b.end);

/** A cluster's effective decision: the latest (a cluster can be re-decided). */
export const latestDecisionSelect = {
  orderBy: { createdAt: "desc" },
  take: 1,
  select: { id: true, decider: personSelect, boundary: true, rationaleHtml: true, createdAt: true },
} as const;

const roundClaimInclude = {
  evidenceLinks: { where: { deletedAt: null }, select: linkSelect, orderBy: { createdAt: "asc" } },
  cluster: {
    select: {
      id: true,
      roundId: true,
      number: true,
      kind: true,
      members: clusterMembersSelect,
      decisions: latestDecisionSelect,
    },
  },
} as const;

type ClaimWhere = NonNullable<Parameters<typeof db.claim.findMany>[0]>["where"];

/** Live Claim rows matching `where` that the viewer may see, as final claims of a round (in no particular order). */
async function roundFinalClaims(v: Visibility, where: ClaimWhere): Promise<FinalClaim[]> {
  const claims = await db.claim.findMany({
    where: { AND: [visibleClaimWhere(v), { ...where, deletedAt: null }] },
    include: roundClaimInclude,
  });
  return claims.map((c): FinalClaim => {
    const decision = c.cluster?.decisions[0];
    return {
      id: c.id,
      source: "round",
      articleId: c.articleId,
      versionId: c.versionId,
      ...anchorFields(c),
      anchorState: c.anchorState,
      anchorScore: c.anchorScore,
      version: c.version,
      verdict: c.verdict as Verdict,
      rationaleHtml: c.rationaleHtml,
      speaker: c.speaker,
      firstAppearanceUrl: c.firstAppearanceUrl,
      firstAppearanceDate: c.firstAppearanceDate,
      evidence: c.evidenceLinks.map(toEvidence),
      members: membersInTextOrder(c.cluster?.members ?? []),
      cluster: c.cluster
        ? { id: c.cluster.id, roundId: c.cluster.roundId, number: c.cluster.number, kind: c.cluster.kind as ClusterKind }
        : null,
      decision: decision ? { ...decision, createdAt: decision.createdAt.toISOString() } : null,
      author: decision?.decider ?? null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    };
  });
}

/** One live final claim of a round (a Claim row) that the viewer may see, or null. */
export async function findRoundFinalClaim(v: Visibility, claimId: string): Promise<FinalClaim | null> {
  if (!claimId) return null;
  return (await roundFinalClaims(v, { id: claimId }))[0] ?? null;
}

/**
 * The final claims of an article of the viewer's team, in text order (orphans last):
 * on its current version, or on every version with `allVersions`. 404 for
 * another team's article. The return type is the contract the report
 * builders read; keep it stable.
 *
 * With `roundId`, only the final claims decided in that round.
 *
 * Blind review applies (lib/policies/visibility.ts): a viewer reviewing the
 * article blind sees no final claims at all, as their annotation list shows
 * none of the team's earlier work. An empty list rather than a 403: the
 * Outcome tab then simply does not show.
 */
export async function listFinalClaims(
  v: Visibility,
  articleId: string,
  opts: { allVersions?: boolean; roundId?: string } = {},
): Promise<FinalClaim[]> {
  const teamId = v.teamId;
  const { current } = await findArticle(teamId, articleId);
  if (isReviewingBlind(v, articleId)) return [];
  const versionFilter = opts.allVersions ? {} : { versionId: current.id };
  // One round's claims only (its report): no editor's own claims, no other round's.
  if (opts.roundId) return (await roundFinalClaims(v, { articleId, ...versionFilter, cluster: { roundId: opts.roundId } })).sort(textOrder);
  if (opts.allVersions) {
    const versions = await db.articleVersion.findMany({ where: { articleId, article: { teamId } }, select: { id: true } });
    return (
      await finalClaimsOn(
        v,
        versions.map((x) => ({ articleId, versionId: x.id })),
      )
    ).sort(textOrder);
  }
  return (await finalClaimsOn(v, [{ articleId, versionId: current.id }])).sort(textOrder);
}

/**
 * The final claims the article page's first response holds, or null when it
 * leaves them out: when every one is an editor's own annotation (the
 * Annotations view shows those already and no Outcome tab is offered; on an
 * editor's article of 5,000 claims they would double the page's weight), the
 * page reads them after it has painted. Otherwise the same list as
 * listFinalClaims. Decided round claims are read first; without them one
 * row tells whether editors' claims exist, instead of building all of them
 * (about 100 ms of the server's CPU at 5,000) only to drop them. `found`: the
 * page's findArticle of the same article and team, read once for the page.
 */
export async function pageFinalClaims(v: Visibility, articleId: string, found?: FoundArticle): Promise<FinalClaim[] | null> {
  const { current } = found ?? (await findArticle(v.teamId, articleId));
  if (isReviewingBlind(v, articleId)) return [];
  const fromRounds = await roundFinalClaims(v, { articleId, versionId: current.id });
  if (fromRounds.length === 0) return (await hasEditorFinalClaims(v.teamId, current.id)) ? null : [];
  return finalOf(fromRounds, await editorFinalClaims(v.teamId, [current.id])).sort(textOrder);
}

/**
 * The final claims of many articles, each on the version given (its current
 * one), grouped by article in text order: the same queries for all of them
 * (the team ZIP, lib/server/reports/load-reports.ts). Blind review applies as
 * in listFinalClaims: an article the viewer reviews blind has none.
 */
export async function listFinalClaimsOfVersions(
  v: Visibility,
  versions: { articleId: string; versionId: string }[],
): Promise<Map<string, FinalClaim[]>> {
  const byArticle = new Map<string, FinalClaim[]>(versions.map((x) => [x.articleId, []]));
  const shown = versions.filter((x) => !isReviewingBlind(v, x.articleId));
  for (const c of await finalClaimsOn(v, shown)) byArticle.get(c.articleId)?.push(c);
  for (const list of byArticle.values()) list.sort(textOrder);
  return byArticle;
}

/**
 * Final claims on the given versions from both sources: decided round claims
 * and editors' own annotations (in no particular order). Editors' claims are
 * annotations outside any round, which the visibility rule shows to every
 * member but on an article reviewed blind: the callers leave those out.
 */
async function finalClaimsOn(v: Visibility, versions: { articleId: string; versionId: string }[]): Promise<FinalClaim[]> {
  if (versions.length === 0) return [];
  const [fromRounds, fromEditors] = await Promise.all([
    roundFinalClaims(v, { articleId: { in: versions.map((x) => x.articleId) }, versionId: { in: versions.map((x) => x.versionId) } }),
    editorFinalClaims(
      v.teamId,
      versions.map((x) => x.versionId),
    ),
  ]);
  return finalOf(fromRounds, fromEditors);
}

/**
 * The desk's final claims from both sources, one per span: a round's decided
 * claim on exactly the words of an editor's own claim (same version, same
 * start and end) supersedes it. The round was run to decide those words, and
 * an editor who disagrees changes the decision; listed side by side, the two
 * went into reports and onto the public page as the same claim twice, with
 * different evidence. The editor's annotation itself is untouched (the
 * article's claims list still shows it); only the desk's final list leaves it out.
 */
function finalOf(fromRounds: FinalClaim[], fromEditors: FinalClaim[]): FinalClaim[] {
  if (fromRounds.length === 0) return fromEditors;
  const decided = new Set(fromRounds.map((c) => `${c.versionId}:${c.start}:${c.end}`));
  return [...fromRounds, ...fromEditors.filter((c) => c.anchorState === "orphaned" || !decided.has(`${c.versionId}:${c.start}:${c.end}`))];
}
