import { newId } from "@/lib/db/new-id";
import type { Db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import { describeSpan } from "@/lib/anchoring/selectors";
import type { IndexedText } from "@/lib/server/articles/version-text";

type Tx = Pick<Db, "claim" | "evidenceLink" | "annotation">;

/** What an accepting decision makes of a cluster. */
export type ClaimChange = {
  teamId: string;
  actorId: string;
  cluster: { id: string; articleId: string; versionId: string };
  span: { start: number; end: number };
  verdict: Verdict;
  rationaleHtml: string;
  /** The member annotations whose evidence links the claim takes over. */
  chosenAnnotationIds: string[];
  text: IndexedText;
};

/**
 * Creates or updates the final Claim of a cluster inside the caller's
 * transaction, with selectors computed from the server's text, and copies the
 * evidence links of the chosen members onto it (each still credited to the
 * reviewer who made it) (the claim's earlier copies
 * are tombstoned, so a re-decision never leaves stale evidence behind).
 */
export async function materializeClaim(tx: Tx, c: ClaimChange) {
  const { quote } = describeSpan(c.text.text, c.span.start, c.span.end, c.text.index);
  // The claim's speaker and first appearance are those its chosen members named, the earliest first.
  const origins = c.chosenAnnotationIds.length
    ? await tx.annotation.findMany({
        where: {
          id: { in: c.chosenAnnotationIds },
          OR: [{ speaker: { not: null } }, { firstAppearanceUrl: { not: null } }, { firstAppearanceDate: { not: null } }],
        },
        select: { speaker: true, firstAppearanceUrl: true, firstAppearanceDate: true },
        orderBy: { createdAt: "asc" },
      })
    : [];
  const data = {
    start: c.span.start,
    end: c.span.end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    verdict: c.verdict,
    rationaleHtml: c.rationaleHtml,
    speaker: origins.find((o) => o.speaker)?.speaker ?? null,
    firstAppearanceUrl: origins.find((o) => o.firstAppearanceUrl)?.firstAppearanceUrl ?? null,
    firstAppearanceDate: origins.find((o) => o.firstAppearanceDate)?.firstAppearanceDate ?? null,
    deletedAt: null,
  };
  const existing = await tx.claim.findUnique({ where: { clusterId: c.cluster.id }, select: { id: true } });
  const claim = existing
    ? await tx.claim.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
    : await tx.claim.create({
        data: {
          ...data,
          id: newId(),
          teamId: c.teamId,
          articleId: c.cluster.articleId,
          versionId: c.cluster.versionId,
          clusterId: c.cluster.id,
        },
      });
  const now = new Date();
  if (existing) await tx.evidenceLink.updateMany({ where: { claimId: claim.id, deletedAt: null }, data: { deletedAt: now } });
  const links = await tx.evidenceLink.findMany({
    where: { teamId: c.teamId, annotationId: { in: c.chosenAnnotationIds }, deletedAt: null },
    select: { evidenceId: true, stance: true, pinpoint: true, createdById: true },
    orderBy: { createdAt: "asc" },
  });
  // Two reviewers citing the same item the same way make one link on the claim.
  const unique = [...new Map(links.map((l) => [`${l.evidenceId}|${l.stance}|${l.pinpoint ?? ""}`, l])).values()];
  if (unique.length > 0) {
    // Each link stays attributed to the reviewer who cited the item (the adjudicator only for a link nobody is named on).
    await tx.evidenceLink.createMany({
      data: unique.map((l) => ({ ...l, teamId: c.teamId, claimId: claim.id, createdById: l.createdById ?? c.actorId })),
    });
  }
  return { ...claim, evidenceCount: unique.length };
}

/** Tombstones the claim of a cluster that was rejected as "not a claim". */
export async function retractClaim(tx: Tx, clusterId: string) {
  const existing = await tx.claim.findUnique({ where: { clusterId }, select: { id: true, deletedAt: true } });
  if (!existing || existing.deletedAt) return null;
  return tx.claim.update({ where: { id: existing.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
}
