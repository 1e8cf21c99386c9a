/**
 * Demo review rounds, so a new user sees the whole team-review workflow at
 * once: one finished round (adjudicated, with decisions and rationales) on
 * seed article 001, and one revealed round waiting for adjudication on seed
 * article 004, with an agreed, a boundary-only and a verdict-conflict
 * cluster. Reviewers: reviewer1@ and reviewer2@; adjudicator: editor@.
 * Idempotent: an article that already has a round is left alone.
 */
import type { Db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import { annotateInRound, createRound, decideForTest, revealForTest, submitInRound } from "./review-factories";

/** One reviewer's annotation in a demo round: who made it, on which phrase of the article. */
export type Mark = { who: "r1" | "r2"; phrase: string; verdict: Verdict; rationale?: string };
const p = (s: string) => `<p>${s}</p>`;

/** The finished round's annotations, on seed article 001. */
export const FINISHED: Mark[] = [
  {
    who: "r1",
    phrase: "he believed North Korea had assisted Russia in the war in Ukraine",
    verdict: "unsourced",
    rationale: "Stoltenberg gives no evidence for this belief.",
  },
  { who: "r2", phrase: "said he believed North Korea had assisted Russia in the war in Ukraine", verdict: "unsourced" },
  {
    who: "r1",
    phrase: "called on South Korea to “step up military support” for Ukraine",
    verdict: "verified",
    rationale: "Matches NATO's transcript of the Seoul speech.",
  },
  { who: "r2", phrase: "called on South Korea to “step up military support” for Ukraine", verdict: "verified" },
  {
    who: "r1",
    phrase: "In Japan, Jens Stoltenberg spoke with Prime Minister Fumio Kishida",
    verdict: "verified",
    rationale: "The meeting is on the Japanese PM's office schedule for 31 January 2023.",
  },
  {
    who: "r2",
    phrase: "In Japan, Jens Stoltenberg spoke with Prime Minister Fumio Kishida",
    verdict: "disputed",
    rationale: "The article does not say when; I could not confirm it.",
  },
];
/** Decisions on the finished round's clusters, in text order; each keeps reviewer1's boundary. */
const DECISIONS: { verdict: Verdict; rationale: string }[] = [
  { verdict: "unsourced", rationale: "The quote attributes the belief to Stoltenberg; the claim is the belief, which is unsourced." },
  { verdict: "verified", rationale: "Both reviewers agree; NATO's transcript confirms it." },
  {
    verdict: "verified",
    rationale: "The Kantei schedule lists the meeting on 31 January 2023; the missing date does not make it disputed.",
  },
];
/** The waiting round's annotations, on seed article 004. */
export const WAITING: Mark[] = [
  {
    who: "r1",
    phrase: "North Korea on Monday blasted the NATO chief’s trip to South Korea and Japan",
    verdict: "verified",
    rationale: "KCNA commentary of 30 January 2023.",
  },
  { who: "r2", phrase: "North Korea on Monday blasted the NATO chief’s trip to South Korea and Japan", verdict: "verified" },
  { who: "r1", phrase: "Stoltenberg is on an official two-day trip to Seoul", verdict: "verified", rationale: "29–30 January 2023." },
  {
    who: "r2",
    phrase: "Stoltenberg is on an official two-day trip to Seoul and will fly to Japan for official meetings",
    verdict: "verified",
  },
  {
    who: "r1",
    phrase: "attended the NATO summit in Spain last year",
    verdict: "verified",
    rationale: "Yoon and Kishida were at the Madrid summit in June 2022.",
  },
  {
    who: "r2",
    phrase: "attended the NATO summit in Spain last year",
    verdict: "unsourced",
    rationale: "No source is given in the article.",
  },
];

export async function seedDemoReview(db: Db, team: { id: string }): Promise<{ created: number }> {
  const users = await db.user.findMany({
    where: { email: { in: ["editor@claimdesk.test", "reviewer1@claimdesk.test", "reviewer2@claimdesk.test"] } },
  });
  const byEmail = (e: string) => users.find((u) => u.email === e)?.id;
  const [editor, r1, r2] = [byEmail("editor@claimdesk.test"), byEmail("reviewer1@claimdesk.test"), byEmail("reviewer2@claimdesk.test")];
  if (!editor || !r1 || !r2) return { created: 0 };
  const ids = { r1, r2 };
  let created = 0;

  const prepare = async (stem: string, marks: Mark[], revealedAt: Date) => {
    const article = await db.article.findFirst({
      where: { teamId: team.id, sourceRef: `seed:${stem}` },
      select: {
        id: true,
        rounds: { select: { id: true }, take: 1 },
        versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, articleId: true, text: true } },
      },
    });
    const version = article?.versions[0];
    if (!article || !version || article.rounds.length > 0) return null;
    const round = await createRound(db, { team, version, createdById: editor, adjudicatorId: editor, reviewerIds: [r1, r2] });
    for (const m of marks)
      await annotateInRound(db, {
        team,
        roundId: round.id,
        version,
        authorId: ids[m.who],
        phrase: m.phrase,
        verdict: m.verdict,
        rationaleHtml: m.rationale ? p(m.rationale) : "",
      });
    await submitInRound(db, round.id, r1, revealedAt);
    await submitInRound(db, round.id, r2, revealedAt);
    created++;
    return { round, version, clusters: await revealForTest(db, round, r2, revealedAt) };
  };

  const finished = await prepare("001_bb3c64dddcf2a7b9", FINISHED, new Date(Date.now() - 7 * 86_400_000));
  if (finished) {
    for (const [i, cluster] of finished.clusters.entries()) {
      const d = DECISIONS[i]!;
      const pick = cluster.members.find((m) => m.annotation.authorId === r1)!.annotation;
      const span = { start: pick.start, end: pick.end };
      await decideForTest(db, {
        team,
        cluster,
        version: finished.version,
        deciderId: editor,
        action: "accept",
        boundary: pick.id,
        span,
        verdict: d.verdict,
        rationaleHtml: p(d.rationale),
      });
    }
  }
  const waiting = await prepare("004_9860bfa2709a7987", WAITING, new Date());
  const conflict = waiting?.clusters.find((c) => c.kind === "verdict_conflict");
  if (conflict) {
    await db.comment.create({
      data: {
        teamId: team.id,
        clusterId: conflict.id,
        authorId: r2,
        bodyHtml: p("@EddieEditor the article names no source for the summit attendance; I marked it unsourced."),
      },
    });
    await db.notification.create({
      data: {
        teamId: team.id,
        userId: editor,
        kind: "mention",
        objectType: "cluster",
        objectId: conflict.id,
        text: "Rafael Reviewer mentioned you on a verdict conflict.",
        url: `/reviews/${waiting!.round.id}#cluster-${conflict.number}`,
      },
    });
  }
  return { created };
}
