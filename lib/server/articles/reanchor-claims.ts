import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { prepareReanchor, type AnchorInput, type AnchorResult } from "@/lib/anchoring/reanchor";
import { DEFAULT_MATCH_OPTIONS } from "@/lib/anchoring/match-quote";
import { timeBudget, type ReanchorBudget } from "@/lib/anchoring/reanchor-budget";
import type { ReanchorSummary } from "@/lib/schemas/article";
import { insertAuditEvents } from "@/lib/server/audit/insert-audit-events";
import { moveClaimRows, type RowMove } from "./move-claim-rows";

type Reader = Pick<Db, "annotation" | "articleVersion">;
type Tx = Reader & Pick<Db, "$executeRawUnsafe">;

const anchorSelect = {
  id: true, versionId: true, start: true, end: true, exact: true, prefix: true, suffix: true, anchorState: true, anchorScore: true, version: true, deletedAt: true,
} as const;
type AnchorRow = { id: string; versionId: string; start: number; end: number; exact: string; prefix: string; suffix: string; anchorState: AnchorResult["state"]; anchorScore: number | null; version: number; deletedAt: Date | null };

/** Where one claim row goes: the move, and the row as it was (the audit's `before`). */
type PlannedMove = RowMove & { before: AnchorRow };

/** The re-anchoring of an article's claims onto a corrected text, computed before the correction's transaction. */
export type ReanchorPlan = { texts: Map<string, string>; moves: Map<string, PlannedMove> };

/** Rows changed between the plan and the write are re-anchored inside the transaction, within this much time. */
const IN_TRANSACTION_BUDGET_MS = 200;
/** Ids per `IN (...)` query, well under both databases' parameter limits. */
const ID_CHUNK = 500;

const byPosition = (a: AnchorRow, b: AnchorRow) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id);
const toInput = (r: AnchorRow): AnchorInput => ({ ...r, state: r.anchorState, score: r.anchorScore });

/**
 * Re-anchors `rows` onto `nextText`, each from its own version's text. Live
 * claims go first, then tombstones, each in text order and the biggest
 * version group first, so when the budget runs out it is deleted claims and
 * claims late in the text that are orphaned (lib/anchoring/reanchor-budget.ts).
 */
async function computeMoves(reader: Reader, rows: AnchorRow[], nextText: string, texts: Map<string, string>, budget: ReanchorBudget) {
  const groups = new Map<string, AnchorRow[]>();
  for (const r of rows) {
    const group = groups.get(r.versionId);
    if (group) group.push(r);
    else groups.set(r.versionId, [r]);
  }
  for (const versionId of groups.keys()) {
    if (!texts.has(versionId)) texts.set(versionId, (await reader.articleVersion.findUniqueOrThrow({ where: { id: versionId }, select: { text: true } })).text);
  }
  const ordered = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  const runners = new Map<string, ReturnType<typeof prepareReanchor>>();
  const moves = new Map<string, PlannedMove>();
  for (const deleted of [false, true]) {
    for (const [versionId, group] of ordered) {
      const list = group.filter((r) => !!r.deletedAt === deleted).sort(byPosition);
      if (list.length === 0) continue;
      if (!runners.has(versionId)) runners.set(versionId, prepareReanchor(texts.get(versionId)!, nextText, DEFAULT_MATCH_OPTIONS, budget));
      runners.get(versionId)!(list.map(toInput)).forEach((result, i) => {
        const before = list[i]!;
        moves.set(before.id, { id: before.id, version: before.version, result, before });
      });
    }
  }
  return moves;
}

/**
 * Plans the re-anchoring of every claim (annotation) of an article onto the
 * corrected text, outside any transaction: fuzzy matching a long rewrite is
 * CPU-bound for up to its budget, and SQLite has one writer at a time.
 *
 * Tombstoned claims are planned too: a claim deleted before a correction and
 * restored after it must be on the current version, or no list shows it.
 * Claims still on an older version (made in the instant before an earlier
 * correction landed) are re-anchored from their own version's text.
 */
export async function planReanchor(
  ctx: { teamId: string; articleId: string },
  from: { id: string; text: string },
  nextText: string,
  budget: ReanchorBudget = timeBudget(),
): Promise<ReanchorPlan> {
  const rows = await db.annotation.findMany({ where: { teamId: ctx.teamId, articleId: ctx.articleId }, select: anchorSelect });
  const texts = new Map([[from.id, from.text]]);
  return { texts, moves: await computeMoves(db, rows, nextText, texts, budget) };
}

/**
 * Applies a plan inside the correction's transaction. Rows updated in place,
 * not copied: ids, evidence links, comments and cluster memberships stay
 * attached, and each move is audited with the old selectors in `before`.
 * A row created or changed since the plan is re-anchored here from its
 * current state; a row changed while this runs makes the whole correction
 * roll back (409) rather than lose either change. The summary counts live
 * claims only: the ones people see.
 */
export async function applyReanchor(
  tx: Tx,
  ctx: { teamId: string; actorId: string; articleId: string },
  next: { id: string; text: string },
  plan: ReanchorPlan,
): Promise<ReanchorSummary> {
  const current = await tx.annotation.findMany({
    where: { teamId: ctx.teamId, articleId: ctx.articleId, versionId: { not: next.id } },
    select: { id: true, version: true },
  });
  const stale = current.filter((r) => plan.moves.get(r.id)?.version !== r.version).map((r) => r.id);
  const moves = current.flatMap((r) => {
    const planned = plan.moves.get(r.id);
    return planned && planned.version === r.version ? [planned] : [];
  });
  if (stale.length > 0) {
    const rows: AnchorRow[] = [];
    for (let i = 0; i < stale.length; i += ID_CHUNK) {
      rows.push(...(await tx.annotation.findMany({ where: { teamId: ctx.teamId, id: { in: stale.slice(i, i + ID_CHUNK) } }, select: anchorSelect })));
    }
    moves.push(...(await computeMoves(tx, rows, next.text, plan.texts, timeBudget(IN_TRANSACTION_BUDGET_MS))).values());
  }

  if ((await moveClaimRows(tx, ctx.teamId, next.id, moves)) !== moves.length) {
    throw new AppError("CONFLICT", "A claim on this article changed while the correction was saved. Save the correction again.");
  }
  await insertAuditEvents(
    tx,
    moves.map((m) => ({
      teamId: ctx.teamId, actorId: ctx.actorId, action: "claim.reanchor", objectType: "annotation", objectId: m.id, before: m.before, after: { ...m.result, versionId: next.id },
    })),
  );
  const summary: ReanchorSummary = { anchored: 0, moved: 0, drifted: 0, orphaned: 0 };
  for (const m of moves) if (!m.before.deletedAt) summary[m.result.state]++;
  return summary;
}
