import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reanchor, type AnchorResult } from "@/lib/anchoring/reanchor";
import type { ReanchorSummary } from "@/lib/schemas/article";
import { insertAuditEvents } from "@/lib/server/audit/insert-audit-events";
import { moveClaimRows, type RowMove } from "./move-claim-rows";

type Tx = Pick<Db, "annotation" | "articleVersion" | "$executeRawUnsafe">;

const anchorSelect = {
  id: true, versionId: true, start: true, end: true, exact: true, prefix: true, suffix: true, anchorState: true, anchorScore: true, version: true,
} as const;

/**
 * Moves every live claim (annotation) of an article onto its new version,
 * inside the correction's transaction. Rows are updated in place, not copied:
 * ids, evidence links, comments and cluster memberships stay attached, and
 * each move is audited with the old selectors in `before`.
 *
 * Claims still on an older version (made in the instant before the
 * correction landed) are re-anchored from their own version's text.
 */
export async function reanchorClaims(
  tx: Tx,
  ctx: { teamId: string; actorId: string; articleId: string },
  next: { id: string; text: string },
): Promise<ReanchorSummary> {
  const rows = await tx.annotation.findMany({
    where: { teamId: ctx.teamId, articleId: ctx.articleId, deletedAt: null, versionId: { not: next.id } },
    select: anchorSelect,
  });
  const summary: ReanchorSummary = { anchored: 0, moved: 0, drifted: 0, orphaned: 0 };
  const moves: RowMove[] = [];
  const audits: { before: object; after: AnchorResult & { versionId: string }; id: string }[] = [];
  for (const versionId of new Set(rows.map((r) => r.versionId))) {
    const { text } = await tx.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { text: true } });
    const group = rows.filter((r) => r.versionId === versionId);
    const results = reanchor(text, next.text, group.map((r) => ({ ...r, state: r.anchorState, score: r.anchorScore })));
    for (const [i, r] of results.entries()) {
      const row = group[i]!;
      moves.push({ id: row.id, version: row.version, result: r });
      summary[r.state]++;
      audits.push({ id: row.id, before: row, after: { ...r, versionId: next.id } });
    }
  }
  // A claim edited while the correction ran: roll the whole correction back rather than lose either change.
  if ((await moveClaimRows(tx, ctx.teamId, next.id, moves)) !== moves.length) {
    throw new AppError("CONFLICT", "A claim on this article changed while the correction was saved. Save the correction again.");
  }
  await insertAuditEvents(
    tx,
    audits.map((a) => ({ teamId: ctx.teamId, actorId: ctx.actorId, action: "claim.reanchor", objectType: "annotation", objectId: a.id, before: a.before, after: a.after })),
  );
  return summary;
}
