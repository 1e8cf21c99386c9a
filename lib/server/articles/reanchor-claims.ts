import { db, type Db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { prepareReanchor, type AnchorInput, type AnchorResult } from "@/lib/anchoring/reanchor";
import { DEFAULT_MATCH_OPTIONS } from "@/lib/anchoring/match-quote";
import { timeBudget, type ReanchorBudget } from "@/lib/anchoring/reanchor-budget";
import type { ReanchorSummary } from "@/lib/schemas/article";
import type { AnchorFields } from "@/lib/schemas/claim";
import { insertAuditEvents } from "@/lib/server/audit/insert-audit-events";
import { moveClaimRows, type AnchoredTable, type RowMove } from "./move-claim-rows";
import { anchorFieldsSelect } from "@/lib/server/claims/anchor-fields-select";

type Reader = Pick<Db, "annotation" | "claim" | "articleVersion">;
type Tx = Reader & Pick<Db, "$executeRaw">;

const anchorSelect = {
  id: true,
  versionId: true,
  ...anchorFieldsSelect,
  anchorState: true,
  anchorScore: true,
  version: true,
  deletedAt: true,
} as const;
type AnchorRow = AnchorFields & {
  id: string;
  versionId: string;
  anchorState: AnchorResult["state"];
  anchorScore: number | null;
  version: number;
  deletedAt: Date | null;
};

/**
 * Both tables are re-anchored by one function, within one budget. Final
 * claims (what reports publish) come first, then annotations, so when the
 * budget runs out it is annotations that are orphaned before published claims.
 */
const TABLES = ["claim", "annotation"] as const satisfies readonly AnchoredTable[];

type PerTable<T> = Record<AnchoredTable, T>;
const perTable = <T>(make: () => T): PerTable<T> => ({ claim: make(), annotation: make() });

/** Where one row goes: the move, and the row as it was (the audit's `before`). */
type PlannedMove = RowMove & { before: AnchorRow };

/** The re-anchoring of an article's claims (annotations and final claims) onto a corrected text, computed before the correction's transaction. */
export type ReanchorPlan = { texts: Map<string, string>; moves: PerTable<Map<string, PlannedMove>> };

/** Rows changed between the plan and the write are re-anchored inside the transaction, within this much time. */
const IN_TRANSACTION_BUDGET_MS = 200;
/** Ids per `IN (...)` query, well under both databases' parameter limits. */
const ID_CHUNK = 500;

const byPosition = (a: AnchorRow, b: AnchorRow) => a.start - b.start || a.end - b.end || a.id.localeCompare(b.id);
const toInput = (r: AnchorRow): AnchorInput => ({ ...r, state: r.anchorState, score: r.anchorScore });

/** The rows of one table matching `where`, with their selectors and anchor state. */
function readAnchorRows(
  reader: Reader,
  table: AnchoredTable,
  where: { teamId: string; articleId?: string; id?: { in: string[] } },
): Promise<AnchorRow[]> {
  return table === "claim"
    ? reader.claim.findMany({ where, select: anchorSelect })
    : reader.annotation.findMany({ where, select: anchorSelect });
}

/**
 * Re-anchors the rows of both tables onto `nextText`, each from its own
 * version's text. Live rows go first, then tombstones; within each, final
 * claims before annotations, each table's biggest version group first and
 * in text order. So when the budget runs out it is deleted rows and rows
 * late in the text that are orphaned (lib/anchoring/reanchor-budget.ts).
 * Rows on the same version share one alignment, so a final claim and the
 * cluster members it was decided from move by the same diff.
 */
async function computeMoves(
  reader: Reader,
  rows: PerTable<AnchorRow[]>,
  nextText: string,
  texts: Map<string, string>,
  budget: ReanchorBudget,
) {
  const groups = perTable(() => new Map<string, AnchorRow[]>());
  for (const table of TABLES) {
    for (const r of rows[table]) {
      const group = groups[table].get(r.versionId);
      if (group) group.push(r);
      else groups[table].set(r.versionId, [r]);
    }
  }
  const missing = [...new Set(TABLES.flatMap((t) => [...groups[t].keys()]))].filter((id) => !texts.has(id));
  if (missing.length) {
    for (const v of await reader.articleVersion.findMany({ where: { id: { in: missing } }, select: { id: true, text: true } }))
      texts.set(v.id, v.text);
  }
  const runners = new Map<string, ReturnType<typeof prepareReanchor>>();
  const moves = perTable(() => new Map<string, PlannedMove>());
  for (const deleted of [false, true]) {
    for (const table of TABLES) {
      for (const [versionId, group] of [...groups[table].entries()].sort((a, b) => b[1].length - a[1].length)) {
        const list = group.filter((r) => !!r.deletedAt === deleted).sort(byPosition);
        if (list.length === 0) continue;
        if (!runners.has(versionId))
          runners.set(versionId, prepareReanchor(texts.get(versionId)!, nextText, DEFAULT_MATCH_OPTIONS, budget));
        runners.get(versionId)!(list.map(toInput)).forEach((result, i) => {
          const before = list[i]!;
          moves[table].set(before.id, { id: before.id, version: before.version, result, before });
        });
      }
    }
  }
  return moves;
}

/**
 * Plans the re-anchoring of every claim of an article onto the corrected
 * text, outside any transaction: fuzzy matching a long rewrite is CPU-bound
 * for up to its budget, and SQLite has one writer at a time. "Every claim" is
 * every annotation and every final Claim row of a review round: a closed
 * round's decided claims move with the text, or the article's current report
 * would drop them.
 *
 * Tombstones are planned too: a claim deleted before a correction and
 * restored after it must be on the current version, or no list shows it.
 * Rows still on an older version (made in the instant before an earlier
 * correction landed, or final claims left behind by corrections made before
 * Claim rows were re-anchored) are re-anchored from their own version's text.
 */
export async function planReanchor(
  ctx: { teamId: string; articleId: string },
  from: { id: string; text: string },
  nextText: string,
  budget: ReanchorBudget = timeBudget(),
): Promise<ReanchorPlan> {
  const where = { teamId: ctx.teamId, articleId: ctx.articleId };
  const [claim, annotation] = await Promise.all([readAnchorRows(db, "claim", where), readAnchorRows(db, "annotation", where)]);
  const texts = new Map([[from.id, from.text]]);
  return { texts, moves: await computeMoves(db, { claim, annotation }, nextText, texts, budget) };
}

/**
 * Applies a plan inside the correction's transaction. Rows are updated in
 * place, not copied: ids, evidence links, comments, cluster memberships and
 * a final claim's cluster stay attached, and each move is audited
 * (`claim.reanchor`, object type `annotation` or `claim`) with the old
 * selectors in `before`. A row created or changed since the plan is
 * re-anchored here from its current state; a row changed while this runs
 * makes the whole correction roll back (409) rather than lose either change.
 * The summary counts live annotations only: the claims people see in the
 * claim panel (a final claim and its cluster's annotations would count twice).
 */
export async function applyReanchor(
  tx: Tx,
  ctx: { teamId: string; actorId: string; articleId: string },
  next: { id: string; text: string },
  plan: ReanchorPlan,
): Promise<ReanchorSummary> {
  const moves = perTable((): PlannedMove[] => []);
  const stale = perTable((): AnchorRow[] => []);
  for (const table of TABLES) {
    const where = { teamId: ctx.teamId, articleId: ctx.articleId, versionId: { not: next.id } };
    const select = { id: true, version: true } as const;
    const current = table === "claim" ? await tx.claim.findMany({ where, select }) : await tx.annotation.findMany({ where, select });
    const staleIds: string[] = [];
    for (const r of current) {
      const planned = plan.moves[table].get(r.id);
      if (planned && planned.version === r.version) moves[table].push(planned);
      else staleIds.push(r.id);
    }
    for (let i = 0; i < staleIds.length; i += ID_CHUNK) {
      stale[table].push(...(await readAnchorRows(tx, table, { teamId: ctx.teamId, id: { in: staleIds.slice(i, i + ID_CHUNK) } })));
    }
  }
  if (TABLES.some((t) => stale[t].length > 0)) {
    const redone = await computeMoves(tx, stale, next.text, plan.texts, timeBudget(IN_TRANSACTION_BUDGET_MS));
    for (const table of TABLES) moves[table].push(...redone[table].values());
  }

  for (const table of TABLES) {
    if ((await moveClaimRows(tx, table, ctx.teamId, next.id, moves[table])) !== moves[table].length) {
      throw new AppError("CONFLICT", "A claim on this article changed while the correction was saved. Save the correction again.");
    }
  }
  await insertAuditEvents(
    tx,
    TABLES.flatMap((table) =>
      moves[table].map((m) => ({
        teamId: ctx.teamId,
        actorId: ctx.actorId,
        action: "claim.reanchor",
        objectType: table,
        objectId: m.id,
        before: m.before,
        after: { ...m.result, versionId: next.id },
      })),
    ),
  );
  const summary: ReanchorSummary = { anchored: 0, moved: 0, drifted: 0, orphaned: 0 };
  for (const m of moves.annotation) if (!m.before.deletedAt) summary[m.result.state]++;
  return summary;
}
