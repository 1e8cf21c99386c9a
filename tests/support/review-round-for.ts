import { annotateInRound, createRound, revealForTest, submitInRound } from "@/seeds/review-factories";
import { CONFLICT_PHRASE, type makeReviewDesk } from "./review-desk";

/** A revealed round on a review desk with one verdict-conflict cluster (written straight to the database). */
export async function makeRevealedRoundFor(desk: Awaited<ReturnType<typeof makeReviewDesk>>) {
  const { db, team, version } = desk;
  const round = await createRound(db, { team, version, createdById: desk.editor.id, adjudicatorId: desk.editor.id, reviewerIds: [desk.reviewer1.id, desk.reviewer2.id] });
  await annotateInRound(db, { team, roundId: round.id, version, authorId: desk.reviewer1.id, phrase: CONFLICT_PHRASE, verdict: "disputed" });
  await annotateInRound(db, { team, roundId: round.id, version, authorId: desk.reviewer2.id, phrase: CONFLICT_PHRASE, verdict: "verified" });
  await submitInRound(db, round.id, desk.reviewer1.id);
  await submitInRound(db, round.id, desk.reviewer2.id);
  await revealForTest(db, { id: round.id, teamId: team.id }, desk.editor.id);
  return round;
}
