import { decideForTest } from "@/seeds/review-factories";
import { makeRevealedRound } from "./review-desk";

type RevealedRound = Awaited<ReturnType<typeof makeRevealedRound>>;

/** The editor accepts the round's cluster of `kind` over the union of its members' spans, with `verdict` and a one-paragraph rationale. */
function acceptAsMarked(desk: RevealedRound, kind: string, verdict: "verified" | "disputed", rationale: string) {
  const c = desk.clusters.find((x) => x.kind === kind)!;
  return decideForTest(desk.db, {
    team: desk.team,
    cluster: c,
    version: desk.version,
    deciderId: desk.editor.id,
    action: "accept",
    boundary: "union",
    span: { start: c.start, end: c.end },
    verdict,
    rationaleHtml: `<p>${rationale}</p>`,
  });
}

/** The rationale the adjudicator gives for the verdict conflict in {@link makeDecidedRound}. */
export const DECISION_RATIONALE = "Madrid hosted the summit in June 2022; the reviewers split on the verdict.";

/**
 * A revealed round (tests/support/review-desk.ts) whose verdict-conflict and
 * agreed clusters are decided, each with a rationale, through the shared
 * review factories; the boundary-only cluster stays open.
 */
export async function makeDecidedRound() {
  const desk = await makeRevealedRound();
  await acceptAsMarked(desk, "verdict_conflict", "disputed", DECISION_RATIONALE);
  await acceptAsMarked(desk, "agreed", "disputed", "Both reviewers found it wrong.");
  return desk;
}

/** The rationale for the boundary-only cluster in {@link makeAdjudicatedRound}. */
export const BOUNDARY_DECISION = "The deal includes the destination.";

/**
 * {@link makeDecidedRound} with its boundary-only cluster decided as well, so
 * the round is adjudicated and an editor may close it. Returns the round's
 * three final claims (Claim rows) in text order.
 */
export async function makeAdjudicatedRound() {
  const desk = await makeDecidedRound();
  const done = await acceptAsMarked(desk, "boundary_only", "verified", BOUNDARY_DECISION);
  if (!done.adjudicated) throw new Error("The round should be adjudicated once its last cluster is decided.");
  const claims = await desk.db.claim.findMany({ where: { articleId: desk.article.id, deletedAt: null }, orderBy: { start: "asc" } });
  const round = await desk.db.reviewRound.findUniqueOrThrow({ where: { id: desk.round.id } });
  return { ...desk, round, claims };
}
