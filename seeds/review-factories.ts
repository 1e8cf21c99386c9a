/**
 * Factories for team review: rounds, annotations inside rounds,
 * submissions, reveals and decisions, written straight to the database (no
 * live events, no request context). Shared by the demo seed and the tests.
 */
import type { Db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import { OffsetIndex } from "@/lib/anchoring/offsets";
import { revealInTransaction } from "@/lib/server/reviews/reveal-in-transaction";
import { applyDecision } from "@/lib/server/reviews/apply-decision";
import { phraseAnnotation, type PhraseAnnotation } from "./evidence-factories";

type Version = { id: string; articleId: string; text: string };

/** An open round on `version` with the given reviewers. */
export function createRound(
  db: Db,
  data: {
    team: { id: string };
    version: Version;
    createdById: string;
    adjudicatorId: string;
    reviewerIds: string[];
    dueDate?: string | null;
  },
) {
  return db.reviewRound.create({
    data: {
      teamId: data.team.id,
      articleId: data.version.articleId,
      versionId: data.version.id,
      createdById: data.createdById,
      adjudicatorId: data.adjudicatorId,
      dueDate: data.dueDate ?? null,
      assignments: { create: data.reviewerIds.map((reviewerId) => ({ reviewerId })) },
    },
  });
}

/** The usual round: `editor` starts and adjudicates it, `reviewers` review `version`. */
export function deskRound(
  db: Db,
  data: { team: { id: string }; version: Version; editor: { id: string }; reviewers: readonly { id: string }[]; dueDate?: string | null },
) {
  const { editor, reviewers, ...rest } = data;
  return createRound(db, { ...rest, createdById: editor.id, adjudicatorId: editor.id, reviewerIds: reviewers.map((r) => r.id) });
}

/** A reviewer's draft annotation inside a round, on a phrase of the version's text. */
export function annotateInRound(db: Db, data: Omit<PhraseAnnotation, "occurrence"> & { roundId: string }) {
  return db.annotation.create({ data: { ...phraseAnnotation(data), roundId: data.roundId } });
}

/** Marks a reviewer's review submitted (and their annotations with it). */
export async function submitInRound(db: Db, roundId: string, reviewerId: string, at = new Date()) {
  await db.roundAssignment.updateMany({ where: { roundId, reviewerId }, data: { submittedAt: at } });
  await db.annotation.updateMany({ where: { roundId, authorId: reviewerId, deletedAt: null }, data: { status: "submitted" } });
}

/** Reveals a round exactly as the app does (clusters included), optionally back-dated. */
export async function revealForTest(db: Db, round: { id: string; teamId: string }, actorId: string, revealedAt?: Date) {
  await db.$transaction((tx) => revealInTransaction(tx, round, actorId, "editor"));
  if (revealedAt) await db.reviewRound.update({ where: { id: round.id }, data: { revealedAt } });
  return db.cluster.findMany({
    where: { roundId: round.id },
    include: { members: { include: { annotation: { include: { author: { select: { name: true } } } } } } },
    orderBy: { number: "asc" },
  });
}

/**
 * Accepts a cluster with a span and verdict (or rejects it) through the app's
 * own decision step (lib/server/reviews/apply-decision.ts): an append-only
 * decision, its claim, the round's move to adjudicated and the audit events,
 * exactly as POST /api/clusters/{id}/decisions leaves them. Decisions on a
 * back-dated round are dated an hour after its reveal (never in the future)
 * unless `at` says otherwise.
 */
export async function decideForTest(
  db: Db,
  data: {
    team: { id: string };
    cluster: {
      id: string;
      roundId: string;
      status: string;
      version: number;
      members: { annotation: { id: string; verdict: string; rationaleHtml: string; author?: { name: string | null } | null } }[];
    };
    version: Version;
    deciderId: string;
    action: "accept" | "reject";
    boundary?: string;
    span?: { start: number; end: number };
    verdict?: Verdict;
    rationaleHtml?: string;
    at?: Date;
  },
) {
  const round = await db.reviewRound.findUniqueOrThrow({ where: { id: data.cluster.roundId }, select: { revealedAt: true } });
  const at = data.at ?? new Date(Math.min(Date.now(), (round.revealedAt?.getTime() ?? Date.now()) + 3_600_000));
  const applied = await db.$transaction((tx) =>
    applyDecision(tx, {
      teamId: data.team.id,
      actorId: data.deciderId,
      cluster: {
        id: data.cluster.id,
        roundId: data.cluster.roundId,
        status: data.cluster.status,
        version: data.cluster.version,
        articleId: data.version.articleId,
        versionId: data.version.id,
      },
      members: data.cluster.members.map((m) => m.annotation),
      action: data.action,
      boundary: data.boundary,
      span: data.action === "accept" ? data.span! : null,
      verdict: data.verdict,
      rationaleHtml: data.rationaleHtml ?? "",
      text: { text: data.version.text, index: new OffsetIndex(data.version.text) },
      at,
    }),
  );
  if (!applied) throw new Error(`Cluster ${data.cluster.id} is no longer at version ${data.cluster.version}.`);
  return applied;
}
