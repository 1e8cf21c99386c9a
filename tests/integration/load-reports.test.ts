import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadReport } from "@/lib/server/reports/load-report";
import { loadReports } from "@/lib/server/reports/load-reports";
import { createArticle } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink } from "@/seeds/evidence-factories";
import { createRound } from "@/seeds/review-factories";
import { makeDecidedRound, DECISION_RATIONALE } from "../support/decided-round";
import { makeDesk } from "../support/actors";

const BASE = "http://claimdesk.test";
const now = new Date("2026-12-01T10:00:00Z");

/**
 * The team ZIP loads a hundred articles' reports with a fixed number of
 * queries (issue 12); it must give each article exactly the report that
 * GET /api/articles/{id}/report gives it, blind-review rule included.
 */
describe("loading many articles' reports at once", () => {
  it("gives each article the model loadReport gives it: round claims with figures, editors' claims with evidence, none for a blind reviewer", async () => {
    const desk = await makeDecidedRound();
    const { team } = desk;
    const editor = { id: desk.editor.id, teamId: team.id, role: "editor" as const };
    const reviewer = { id: desk.reviewer1.id, teamId: team.id, role: "reviewer" as const };
    // A second article with an editor's own claims and evidence, on its second version.
    const second = await createArticle(db, { team, text: "NATO has 30 members. Stoltenberg met Yoon in Seoul.", meta: { title: "Second" } });
    const v2 = await db.articleVersion.create({ data: { articleId: second.id, number: 2, text: "NATO has 31 members. Stoltenberg met Yoon in Seoul.", textHash: "h2", length: 51 } });
    const claim = await createClaimOnPhrase(db, { team, version: { ...v2, articleId: second.id }, authorId: desk.editor.id, phrase: "NATO has 31 members", verdict: "verified", rationaleHtml: "<p>Since 2023.</p>" });
    await createClaimOnPhrase(db, { team, version: { id: second.versions[0]!.id, articleId: second.id, text: second.versions[0]!.text }, authorId: desk.editor.id, phrase: "NATO has 30 members", verdict: "disputed" });
    const item = await createEvidenceItem(db, { team, title: "Member list", url: "https://www.nato.int/members" });
    await createEvidenceLink(db, { team, evidenceId: item.id, claimId: claim.id, stance: "supports", pinpoint: "p. 2" });
    // A third article the reviewer now reviews blind, with an editor's claim on it.
    const third = await createArticle(db, { team, text: "Stoltenberg arrived in Tokyo on Monday.", meta: { title: "Third" } });
    const thirdVersion = { id: third.versions[0]!.id, articleId: third.id, text: third.versions[0]!.text };
    await createClaimOnPhrase(db, { team, version: thirdVersion, authorId: desk.editor.id, phrase: "arrived in Tokyo", verdict: "verified" });
    await createRound(db, { team, version: thirdVersion, createdById: desk.editor.id, adjudicatorId: desk.editor.id, reviewerIds: [desk.reviewer1.id] });
    // A deleted article is left out.
    const gone = await createArticle(db, { team, text: "Gone.", meta: { title: "Gone" } });
    await db.article.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

    const ids = [second.id, desk.article.id, gone.id, third.id];
    for (const viewer of [editor, reviewer]) {
      const many = await loadReports(team.id, ids, { baseUrl: BASE, now, viewer });
      const one = await Promise.all([second.id, desk.article.id, third.id].map((id) => loadReport(team.id, id, { baseUrl: BASE, now, viewer })));
      expect(many).toEqual(one);
    }

    const [s, first, t] = await loadReports(team.id, ids, { baseUrl: BASE, now, viewer: editor });
    // What the comparison covers: not a pair of empty reports.
    expect(s!.version.number).toBe(2);
    expect(s!.claims.map((c) => [c.exact, c.evidence.map((e) => e.pinpoint)])).toEqual([["NATO has 31 members", ["p. 2"]]]);
    expect(first!.claims.map((c) => c.decision?.rationaleText)).toContain(DECISION_RATIONALE);
    expect(first!.summary.roundAgreement).not.toBeNull();
    expect(t!.claims.map((c) => c.exact)).toEqual(["arrived in Tokyo"]);
    const [, , blind] = await loadReports(team.id, ids, { baseUrl: BASE, now, viewer: reviewer });
    expect(blind!.claims).toEqual([]);
  });

  it("finds nothing of another team's articles", async () => {
    const desk = await makeDesk(db);
    const other = await makeDesk(db);
    expect(await loadReports(desk.team.id, [other.article.id], { baseUrl: BASE, viewer: desk.editor })).toEqual([]);
    expect(await loadReports(desk.team.id, [desk.article.id], { baseUrl: BASE, viewer: desk.editor })).toHaveLength(1);
  });
});
