import { decideForTest } from "@/seeds/review-factories";
import { makeRevealedRound } from "./review-desk";

/** The rationale the adjudicator gives for the verdict conflict in {@link makeDecidedRound}. */
export const DECISION_RATIONALE = "Madrid hosted the summit in June 2022; the reviewers split on the verdict.";

/**
 * A revealed round (tests/support/review-desk.ts) whose verdict-conflict and
 * agreed clusters are decided, each with a rationale, through the shared
 * review factories; the boundary-only cluster stays open.
 */
export async function makeDecidedRound() {
  const desk = await makeRevealedRound();
  const cluster = (kind: string) => desk.clusters.find((c) => c.kind === kind)!;
  const decide = (c: ReturnType<typeof cluster>, verdict: "verified" | "disputed", rationale: string) =>
    decideForTest(desk.db, {
      team: desk.team, cluster: c, version: desk.version, deciderId: desk.editor.id, action: "accept", boundary: "union",
      span: { start: c.start, end: c.end }, verdict, rationaleHtml: `<p>${rationale}</p>`,
    });
  await decide(cluster("verdict_conflict"), "disputed", DECISION_RATIONALE);
  await decide(cluster("agreed"), "disputed", "Both reviewers found it wrong.");
  return desk;
}
