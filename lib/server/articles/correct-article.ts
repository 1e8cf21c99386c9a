import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { carryLineKinds, readLineKinds } from "@/lib/anchoring/line-kinds";
import { canCorrectArticle } from "@/lib/policies/article";
import {
  controlCharacterMessage,
  findControlCharacter,
  MAX_IMPORT_BYTES,
  type CorrectArticleInput,
  type ReanchorSummary,
} from "@/lib/schemas/article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { findArticle } from "./find-article";
import { getArticle } from "./get-article";
import type { ArticleDto } from "@/lib/schemas/article";
import { applyReanchor, planReanchor } from "./reanchor-claims";
import { findUnfinishedRound, unfinishedRoundConflict } from "./unfinished-round";
import { versionFields } from "./version-fields";
import { announceNotifications } from "@/lib/server/notifications/insert-notifications";
import { anchorSnapshot, notifyCorrected } from "@/lib/server/notifications/notify-corrected";

/**
 * POST /api/articles/{id}/versions: an editor's correction. The text becomes
 * a new version (old versions are never changed), the article's `version`
 * moves on only if it is still the one the editor started from (409 with the
 * current article otherwise), and every claim, tombstones included, moves
 * onto it in the same transaction.
 *
 * Where each claim goes is computed before the transaction (up to the
 * re-anchoring budget of CPU time, during which SQLite's write lock stays
 * free); the transaction only writes. The article's version compare-and-set
 * catches a concurrent correction, and the claims' own versions a claim
 * changed meanwhile (./reanchor-claims.ts). While a review round of the
 * article is not closed, a correction gets 409 (./unfinished-round.ts).
 */
export async function correctArticle(
  user: CurrentUser,
  articleId: string,
  input: CorrectArticleInput,
): Promise<{ article: ArticleDto; reanchored: ReanchorSummary }> {
  const { article, current } = await findArticle(user.teamId, articleId);
  if (!canCorrectArticle(user)) throw new AppError("FORBIDDEN", "Only editors and admins can correct an article.");
  if (Buffer.byteLength(input.text, "utf8") > MAX_IMPORT_BYTES)
    throw new AppError("PAYLOAD_TOO_LARGE", "The corrected text is larger than 1 MiB.");
  const control = findControlCharacter(input.text);
  if (control) throw new AppError("INVALID_INPUT", controlCharacterMessage(control), { field: "text" });
  const text = normalizeText(input.text);
  // An empty reason is no reason (the schema trims it).
  const reason = input.reason?.trim() || null;
  if (text === "") throw new AppError("INVALID_INPUT", "The corrected text is empty.", { field: "text" });
  const conflict = async () =>
    new AppError("CONFLICT", "Someone saved another correction in the meantime. Here is the current article.", {
      current: await getArticle(user, articleId),
    });
  if (article.version !== input.version) throw await conflict();
  if (text === current.text)
    throw new AppError("INVALID_INPUT", `Nothing changed: this is the text of version ${current.number}.`, { field: "text" });
  const running = await findUnfinishedRound(db, user.teamId, articleId);
  if (running) throw unfinishedRoundConflict(running);

  // Unchanged lines keep their kind (a subhead stays a subhead); edited and new lines are paragraphs.
  const lineKinds = carryLineKinds(current.text, readLineKinds(current.lineKinds, current.text.split("\n").length), text);
  const plan = await planReanchor({ teamId: user.teamId, articleId }, current, text);
  const result = await db.$transaction(
    async (tx) => {
      const { count } = await tx.article.updateMany({
        where: { id: articleId, teamId: user.teamId, version: input.version },
        data: { version: { increment: 1 } },
      });
      if (count === 0) return null;
      // Checked again after the article row is taken: start-round.ts takes the same row on PostgreSQL.
      const round = await findUnfinishedRound(tx, user.teamId, articleId);
      if (round) throw unfinishedRoundConflict(round);
      const next = await tx.articleVersion.create({
        data: {
          articleId,
          number: current.number + 1,
          ...versionFields(text),
          ...(lineKinds ? { lineKinds } : {}),
          reason,
          createdById: user.id,
        },
        select: { id: true, number: true },
      });
      const anchorsBefore = await anchorSnapshot(tx, user.teamId, articleId);
      const reanchored = await applyReanchor(tx, { teamId: user.teamId, actorId: user.id, articleId }, { id: next.id, text }, plan);
      const notified = await notifyCorrected(tx, {
        teamId: user.teamId,
        actor: user,
        article,
        versionId: next.id,
        versionNumber: next.number,
        before: anchorsBefore,
      });
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: "article.correct",
        objectType: "article",
        objectId: articleId,
        before: { version: input.version, versionId: current.id, number: current.number },
        after: { version: input.version + 1, versionId: next.id, number: next.number, reason, reanchored },
      });
      return { reanchored, notified };
    },
    // Only writes (bulk, bench/reanchor.bench.ts) and rows changed since the plan (200 ms of re-anchoring at most).
    { timeout: 30_000, maxWait: 10_000 },
  );
  if (!result) throw await conflict();
  publishEvent({ team: user.teamId, article: articleId, kind: "article", id: articleId, version: input.version + 1, text: true });
  announceNotifications(result.notified);
  return { article: await getArticle(user, articleId), reanchored: result.reanchored };
}
