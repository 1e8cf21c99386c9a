/**
 * An article whose text states no title goes by the first words of its
 * newest text (its lead) wherever rounds and activity name it: the reviewer's
 * queue, the list of rounds and the activity page, as the article list does;
 * and the activity page names what a cluster belongs to.
 */
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle, currentUserOf } from "@/seeds/factories";
import { decideForTest } from "@/seeds/review-factories";
import { startRound } from "@/lib/server/reviews/start-round";
import { listQueue } from "@/lib/server/reviews/list-queue";
import { loadRoundSummaries } from "@/lib/server/reviews/round-summaries";
import { listActivity } from "@/lib/server/team/list-activity";
import { correctArticle } from "@/lib/server/articles/correct-article";
import { articleLeads } from "@/lib/server/articles/article-leads";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { getTeamAgreement } from "@/lib/server/reviews/get-team-agreement";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink } from "@/seeds/evidence-factories";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { makeDesk } from "../support/actors";
import { makeRevealedRound } from "../support/review-desk";

const FIRST_LINE =
  "NATO Secretary-General Jens Stoltenberg begins a visit to Asia, arriving in South Korea on Sunday (January 29) before heading to Japan.";
const LEAD = "NATO Secretary-General Jens Stoltenberg begins a visit to Asia, arriving in…";
const TEXT = `${FIRST_LINE}\nThe visit is to strengthen relations with US allies in East Asia.`;

describe("the lead of an untitled article", () => {
  it("names it in the queue, the list of rounds and the activity page; a titled article keeps its title", async () => {
    const desk = await makeDesk(db);
    const untitled = await createArticle(db, { team: desk.team, text: TEXT });
    const round = await startRound(await viewerOf(desk.editor), {
      articleId: untitled.id,
      reviewerIds: [desk.reviewer.id],
      adjudicatorId: desk.editor.id,
    });
    const named = { id: untitled.id, title: null, lead: LEAD };

    expect((await listQueue(await viewerOf(desk.reviewer))).map((q) => q.article)).toEqual([named]);
    const rounds = await loadRoundSummaries(await viewerOf(desk.editor));
    expect(rounds.map((r) => [r.id, r.article])).toEqual([[round.id, named]]);
    const activity = await listActivity(await viewerOf(desk.editor), { limit: 50 });
    expect(activity.events.find((e) => e.action === "round.start")?.object.label).toBe(`review of “${LEAD}”`);

    // A titled article is not looked up; another team's untitled article is never read.
    const other = await makeDesk(db);
    const foreign = await createArticle(db, { team: other.team, text: TEXT });
    expect(await articleLeads(desk.team.id, [desk.article, untitled, foreign])).toEqual(new Map([[untitled.id, LEAD]]));
  });

  it("names it among the uses of an evidence item", async () => {
    const desk = await makeDesk(db);
    const untitled = await createArticle(db, { team: desk.team, text: TEXT });
    const version = { ...untitled.versions[0]!, articleId: untitled.id };
    const item = await createEvidenceItem(db, { team: desk.team, title: "Itinerary" });
    const titledClaim = await createClaimOnPhrase(db, {
      team: desk.team,
      version: { ...desk.version, articleId: desk.article.id },
      authorId: desk.editor.id,
      phrase: "Stoltenberg met Yoon",
      verdict: "verified",
    });
    const untitledClaim = await createClaimOnPhrase(db, {
      team: desk.team,
      version,
      authorId: desk.editor.id,
      phrase: "visit to Asia",
      verdict: "verified",
    });
    for (const c of [titledClaim, untitledClaim]) await createEvidenceLink(db, { team: desk.team, evidenceId: item.id, claimId: c.id });
    const { usedIn } = await getEvidence(await viewerOf(desk.editor), item.id);
    expect(usedIn.map((u) => [u.claimId, u.articleTitle])).toEqual([
      [untitledClaim.id, LEAD],
      [titledClaim.id, "Test article"],
    ]);
  });

  it("follows the newest text after a correction", async () => {
    const desk = await makeDesk(db);
    const untitled = await createArticle(db, { team: desk.team, text: TEXT });
    await correctArticle(await viewerOf(desk.editor), untitled.id, {
      version: untitled.version,
      text: `Corrected: ${TEXT}`,
      reason: "A word was missing.",
    });
    expect((await articleLeads(desk.team.id, [untitled])).get(untitled.id)).toBe(
      "Corrected: NATO Secretary-General Jens Stoltenberg begins a visit to Asia,…",
    );
  });
});

describe("the agreement chart's names", () => {
  it("names a revealed round's untitled article by its lead, and a titled one by its title alone", async () => {
    const desk = await makeRevealedRound();
    const editor = await viewerOf(currentUserOf(desk.editor, desk.team, "editor"));
    expect((await getTeamAgreement(editor)).map((p) => [p.roundId, p.articleTitle, p.articleLead])).toEqual([
      [desk.round.id, desk.article.title, null],
    ]);
    await db.article.update({ where: { id: desk.article.id }, data: { title: null } });
    const [point] = await getTeamAgreement(editor);
    expect(point?.articleTitle).toBeNull();
    expect(point?.articleLead).toMatch(/…$/);
    expect(desk.version.text.startsWith(point!.articleLead!.slice(0, -1).trimEnd())).toBe(true);
  });
});

describe("the activity page's names", () => {
  it("names a decided cluster by its number, its round's article and where to find it", async () => {
    const desk = await makeRevealedRound();
    const conflict = desk.clusters.find((c) => c.kind === "verdict_conflict")!;
    await decideForTest(db, {
      team: desk.team,
      cluster: conflict,
      version: desk.version,
      deciderId: desk.editor.id,
      action: "accept",
      boundary: "union",
      span: { start: conflict.start, end: conflict.end },
      verdict: "disputed",
      rationaleHtml: "<p>Madrid hosted the summit.</p>",
    });
    const activity = await listActivity(await viewerOf(currentUserOf(desk.editor, desk.team, "editor")), { limit: 50 });
    const decided = activity.events.find((e) => e.object.type === "cluster");
    expect(decided?.object).toEqual({
      type: "cluster",
      id: conflict.id,
      label: `cluster ${conflict.number} of the review of ${desk.article.title}`,
      href: `/reviews/${desk.round.id}#cluster-${conflict.number}`,
    });
  });
});
