/**
 * Playwright data for date hints: an article published on 29 January 2023
 * whose disputed claim puts the NATO summit in Madrid "in July last year"
 * (so July 2022), and the dated fact that says it was 28–30 June 2022.
 */
import { createArticle } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceItem } from "@/seeds/evidence-factories";
import { testDb, type makeDesk } from "./fixtures";

type Desk = Awaited<ReturnType<typeof makeDesk>>;

/** The hint a claim card shows for the July claim beside the June fact. */
export const MADRID_DATE_HINT = "⚠ Evidence dates “NATO Madrid Summit” 28–30 June 2022; the claim says July 2022.";

/** The article, its July claim by the desk's reviewer, and the summit's dated fact (not linked: each test links it). */
export async function makeMadridRemarks(desk: Desk) {
  const db = testDb();
  const article = await createArticle(db, {
    team: desk.team,
    text: "Stoltenberg recalled the NATO summit in Madrid in July last year.",
    meta: { title: "Remarks in Seoul", publishedDate: "2023-01-29" },
  });
  const version = { ...article.versions[0]!, articleId: article.id };
  const claim = await createClaimOnPhrase(db, {
    team: desk.team,
    version,
    authorId: desk.reviewer.id,
    phrase: "the NATO summit in Madrid in July last year",
    verdict: "disputed",
  });
  const summit = await createEvidenceItem(db, {
    team: desk.team,
    kind: "dated_fact",
    title: "NATO Madrid Summit, 28-30 June 2022",
    dateStart: "2022-06-28",
    dateEnd: "2022-06-30",
    datePrecision: "day",
  });
  return { article, version, claim, summit };
}
