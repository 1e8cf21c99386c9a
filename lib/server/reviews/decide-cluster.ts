import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { canDecide, type RoundStatus } from "@/lib/policies/round";
import type { ClusterDto, DecideClusterInput } from "@/lib/schemas/review";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { validateSpan } from "@/lib/anchoring/selectors";
import { resolveBoundary } from "@/lib/review/resolve-boundary";
import { versionText, type IndexedText } from "@/lib/server/articles/version-text";
import { publishEvent } from "@/lib/events/event-bus";
import { findClusterRows, loadClusterDto, toClusterDto, type ClusterRow } from "./cluster-dto";
import { applyDecision } from "./apply-decision";
import { assertCanSeeOutcome } from "@/lib/server/visibility/assert-outcome";
import { announceNotifications } from "@/lib/server/notifications/insert-notifications";
import { notifyDecided } from "@/lib/server/notifications/notify-decided";
import { requirePermission } from "@/lib/server/require-permission";

/**
 * POST /api/clusters/{id}/decisions: accept a boundary and verdict, or reject
 * the cluster as "not a claim". Decisions are append-only rows; the cluster's
 * version is compared-and-set in the same transaction, so of two editors
 * deciding at once exactly one wins and the other gets 409 with the current
 * state. An accepted cluster becomes (or updates) the article's final Claim.
 */
export async function decideCluster(user: Viewer, clusterId: string, input: DecideClusterInput): Promise<ClusterDto> {
  const found = clusterId
    ? await db.cluster.findFirst({ where: { id: clusterId, teamId: user.teamId }, select: { round: { select: { articleId: true } } } })
    : null;
  if (!found) throw notFound("Cluster not found.");
  // An editor reviewing the article blind in a later round decides nothing of it: the cluster is part of its outcome (403, not 404: the round is listed).
  assertCanSeeOutcome(user.visibility, found.round.articleId);
  const [row] = await findClusterRows(user.visibility, { id: clusterId });
  if (!row) throw notFound("Cluster not found.");
  const round = { status: row.round.status as RoundStatus, adjudicatorId: "", reviewerIds: [] };
  requirePermission(user, "clusters.decide");
  if (!canDecide(user, round)) throw new AppError("FORBIDDEN", "This round is closed; its decisions are final.");
  if (row.version !== input.version) throw conflict(row);

  const text = await versionText(row.round.versionId);
  const { rationaleHtml, span } = checkDecision(row, input, text);
  const article = await db.article.findFirstOrThrow({
    where: { id: row.round.articleId, teamId: user.teamId },
    select: { id: true, title: true },
  });
  const decided = await db.$transaction(async (tx) => {
    const applied = await applyDecision(tx, {
      teamId: user.teamId,
      actorId: user.id,
      cluster: {
        id: row.id,
        roundId: row.roundId,
        articleId: row.round.articleId,
        versionId: row.round.versionId,
        status: row.status,
        version: input.version,
      },
      members: row.members.map((m) => m.annotation),
      action: input.action,
      boundary: input.boundary,
      span,
      verdict: input.verdict,
      rationaleHtml,
      text,
    });
    if (!applied) return null;
    const members = row.members.map((m) => m.annotation);
    const notified = await notifyDecided(tx, {
      teamId: user.teamId,
      actor: user,
      article,
      action: input.action,
      verdict: input.verdict,
      rationaleHtml,
      changed: row.status !== "open",
      members,
    });
    return { ...applied, notified };
  });
  if (!decided) throw conflict((await findClusterRows(user.visibility, { id: row.id }))[0] ?? row);
  announceNotifications(decided.notified);
  publishEvent({ team: user.teamId, article: row.round.articleId, kind: "cluster", id: row.id, version: input.version + 1 });
  if (decided.adjudicated) publishEvent({ team: user.teamId, article: row.round.articleId, kind: "round", id: row.roundId, version: null });
  return (await loadClusterDto(user.visibility, row.id))!;
}

/** The sanitized rationale and the chosen span, or a 400 naming the field. Non-agreed clusters and rejections need a rationale. */
function checkDecision(row: ClusterRow, input: DecideClusterInput, text: IndexedText) {
  const rationaleHtml = sanitizeRichText(input.rationale ?? "");
  if (!rationaleHtml && (row.kind !== "agreed" || input.action === "reject")) {
    const why = input.action === "reject" ? "Say why this is not a claim." : "The reviewers did not agree: explain this decision.";
    throw new AppError("INVALID_INPUT", why, { field: "rationale" });
  }
  if (input.action !== "accept") return { rationaleHtml, span: null };
  const r = resolveBoundary(
    row.members.map((m) => m.annotation),
    input.boundary!,
    { start: input.start, end: input.end },
  );
  if (!r.ok) throw new AppError("INVALID_INPUT", r.message, { field: r.field });
  const check = validateSpan(text.text, r.start, r.end, text.index);
  if (!check.ok)
    throw new AppError("INVALID_INPUT", "The chosen span is not a valid selection of the article text.", {
      field: check.reason === "out-of-range" ? "end" : "start",
    });
  return { rationaleHtml, span: { start: r.start, end: r.end } };
}

function conflict(current: ClusterRow) {
  const dto = toClusterDto(current);
  const who = dto.decision ? ` ${dto.decision.decider.name ?? "Another editor"} decided it meanwhile.` : "";
  return new AppError(
    "CONFLICT",
    `This cluster changed while you were deciding.${who} Here is its current state; nothing was overwritten.`,
    { current: dto },
  );
}
