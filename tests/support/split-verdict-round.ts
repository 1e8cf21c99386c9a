/**
 * The desk a tester walked through when two reports went wrong (stop 27):
 * on seed article 000, a round in which one reviewer tags a sentence
 * Disputed with a rationale and the other tags it Unsourced, and the editor
 * decides it Disputed with a note of their own (typed with a line break at
 * its end, as the editor saves it); both reviewers tag a second phrase
 * Disputed with the same note, which the editor accepts as agreed without
 * one; and the editor tags a third
 * phrase themselves, outside any round. Made with the shared factories
 * (tests/support/review-desk.ts, seeds/review-factories.ts).
 */
import { createClaimOnPhrase } from "@/seeds/evidence-factories";
import { annotateInRound, decideForTest, deskRound, revealForTest, submitInRound } from "@/seeds/review-factories";
import { AGREED_PHRASE, CONFLICT_PHRASE, makeReviewDesk } from "./review-desk";

/** The sentence the reviewers split on. */
export const SPLIT_PHRASE = "NATO wants to create a new Cold War in Asia";
/** What the Disputed reviewer wrote. */
export const REVIEWER_NOTE = "Opinion attributed vaguely; no NATO source says so.";
/** What the Unsourced reviewer wrote. */
export const DISSENT_NOTE = "Nobody is quoted: the outlet gives no source at all.";
/** The editor's decision note on the split: the desk's rationale. */
export const DESK_NOTE = "No outlet named; the claim is an unattributed characterisation, and NATO denies it.";
/** Both reviewers' note on the phrase they agree on, which the editor accepts without a note of their own. */
export const AGREED_NOTE = "The agency's own statement says so; it gives no source.";
/** The editor's own claim, outside the round (on {@link CONFLICT_PHRASE}, which no reviewer tags here). */
export const EDITOR_NOTE = "Madrid hosted the summit on 28–30 June 2022.";

export async function makeSplitVerdictRound() {
  const desk = await makeReviewDesk();
  const { db, team, version, editor, reviewer1, reviewer2 } = desk;
  const round = await deskRound(db, { team, version, editor, reviewers: [reviewer1, reviewer2] });
  const mark = (who: { id: string }, phrase: string, verdict: "disputed" | "unsourced", note = "") =>
    annotateInRound(db, { team, roundId: round.id, version, authorId: who.id, phrase, verdict, rationaleHtml: note && `<p>${note}</p>` });
  await mark(reviewer1, SPLIT_PHRASE, "disputed", REVIEWER_NOTE);
  await mark(reviewer2, SPLIT_PHRASE, "unsourced", DISSENT_NOTE);
  await mark(reviewer1, AGREED_PHRASE, "disputed", AGREED_NOTE);
  await mark(reviewer2, AGREED_PHRASE, "disputed", AGREED_NOTE);
  await submitInRound(db, round.id, reviewer1.id);
  await submitInRound(db, round.id, reviewer2.id);
  const clusters = await revealForTest(db, { id: round.id, teamId: team.id }, editor.id);
  for (const cluster of clusters) {
    const conflict = cluster.kind === "verdict_conflict";
    await decideForTest(db, {
      team,
      cluster,
      version,
      deciderId: editor.id,
      action: "accept",
      boundary: "union",
      span: { start: cluster.start, end: cluster.end },
      verdict: "disputed",
      rationaleHtml: conflict ? `<p>${DESK_NOTE}<br /></p>` : "",
    });
  }
  await createClaimOnPhrase(db, {
    team,
    version,
    authorId: editor.id,
    phrase: CONFLICT_PHRASE,
    verdict: "verified",
    rationaleHtml: `<p>${EDITOR_NOTE}</p>`,
  });
  return { ...desk, round };
}
