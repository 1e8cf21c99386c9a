import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { reanchor, type AnchorResult } from "@/lib/anchoring/reanchor";
import type { ReanchorSummary } from "@/lib/schemas/article";

type Tx = Pick<Db, "annotation" | "articleVersion" | "auditEvent">;

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
  const audits: { before: object; after: AnchorResult & { versionId: string }; id: string }[] = [];
  for (const versionId of new Set(rows.map((r) => r.versionId))) {
    const { text } = await tx.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { text: true } });
    const group = rows.filter((r) => r.versionId === versionId);
    const results = reanchor(text, next.text, group.map((r) => ({ ...r, state: r.anchorState, score: r.anchorScore })));
    for (const [i, r] of results.entries()) {
      const row = group[i]!;
      const { count } = await tx.annotation.updateMany({
        where: { id: row.id, teamId: ctx.teamId, version: row.version },
        data: {
          versionId: next.id, start: r.start, end: r.end, exact: r.exact, prefix: r.prefix, suffix: r.suffix,
          anchorState: r.state, anchorScore: r.score, version: { increment: 1 },
        },
      });
      // A claim edited while the correction ran: roll the whole correction back rather than lose either change.
      if (count === 0) throw new AppError("CONFLICT", "A claim on this article changed while the correction was saved. Save the correction again.");
      summary[r.state]++;
      audits.push({ id: row.id, before: row, after: { ...r, versionId: next.id } });
    }
  }
  if (audits.length > 0) {
    await tx.auditEvent.createMany({
      data: audits.map((a) => ({
        teamId: ctx.teamId, actorId: ctx.actorId, action: "claim.reanchor", objectType: "annotation", objectId: a.id,
        before: JSON.parse(JSON.stringify(a.before)), after: JSON.parse(JSON.stringify(a.after)),
      })),
    });
  }
  return summary;
}
