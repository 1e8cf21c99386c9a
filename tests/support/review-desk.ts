/**
 * Playwright data for team review: a fresh desk with two editors, two
 * reviewers and one article (seed text 000), made by the shared factories.
 * Optionally a revealed round with a verdict conflict, a boundary-only and an
 * agreed cluster, written straight to the database (seeds/review-factories.ts).
 */
import { createArticle, createTeam, createUser } from "@/seeds/factories";
import { annotateInRound, deskRound, revealForTest, submitInRound } from "@/seeds/review-factories";
import { seedText, testDb } from "./fixtures";

export const CONFLICT_PHRASE = "the NATO summit in Madrid in June 2022";
export const SHORT_PHRASE = "hundreds of tanks, fighter jets";
export const LONG_PHRASE = "hundreds of tanks, fighter jets and weapons to NATO member Poland";
export const AGREED_PHRASE = "after a one-day visit to South Korea";

export async function makeReviewDesk() {
  const db = testDb();
  const team = await createTeam(db);
  const tag = team.slug.slice(-4);
  const member = async (name: string, role: "editor" | "reviewer") => {
    const u = await createUser(db, { team, role, name: `${name} ${tag}` });
    return { id: u.id, email: u.email, name: u.name!, role };
  };
  const editor = await member("Eve Editor", "editor");
  const editor2 = await member("Ed Second", "editor");
  const reviewer1 = await member("Ann Reviewer", "reviewer");
  const reviewer2 = await member("Ben Reviewer", "reviewer");
  const article = await createArticle(db, { team, text: seedText(), meta: { title: `Review ${team.slug}`, outlet: "Test Outlet" } });
  const version = { id: article.versions[0]!.id, articleId: article.id, text: article.versions[0]!.text };
  return { db, team, editor, editor2, reviewer1, reviewer2, article, version };
}

/** A desk with a revealed round: clusters 1 agreed, 2 boundary-only, 3 verdict conflict (in text order). */
export async function makeRevealedRound() {
  const desk = await makeReviewDesk();
  const { db, team, version } = desk;
  const round = await deskRound(db, { team, version, editor: desk.editor, reviewers: [desk.reviewer1, desk.reviewer2] });
  const mark = (who: { id: string }, phrase: string, verdict: "verified" | "disputed" | "unsourced") =>
    annotateInRound(db, { team, roundId: round.id, version, authorId: who.id, phrase, verdict });
  await mark(desk.reviewer1, SHORT_PHRASE, "verified");
  await mark(desk.reviewer2, LONG_PHRASE, "verified");
  await mark(desk.reviewer1, CONFLICT_PHRASE, "disputed");
  await mark(desk.reviewer2, CONFLICT_PHRASE, "verified");
  await mark(desk.reviewer1, AGREED_PHRASE, "disputed");
  await mark(desk.reviewer2, AGREED_PHRASE, "disputed");
  await submitInRound(db, round.id, desk.reviewer1.id);
  await submitInRound(db, round.id, desk.reviewer2.id);
  const clusters = await revealForTest(db, { id: round.id, teamId: team.id }, desk.editor.id);
  return { ...desk, round, clusters };
}
