import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadReport } from "@/lib/server/reports/load-report";
import { loadReports } from "@/lib/server/reports/load-reports";
import { editorFinalClaims } from "@/lib/server/claims/editor-final-claims";
import { createArticle } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink } from "@/seeds/evidence-factories";
import { deskRound } from "@/seeds/review-factories";
import { makeDecidedRound, DECISION_RATIONALE } from "../support/decided-round";
import { makeDesk } from "../support/actors";
import { loadVisibility } from "@/lib/server/visibility/viewer";
import { anchorFields } from "@/lib/schemas/claim";

const BASE = "http://claimdesk.test";
const now = new Date("2026-12-01T10:00:00Z");

/**
 * The team ZIP loads a hundred articles' reports with a fixed number of
 * queries; it must give each article exactly the report that
 * GET /api/articles/{id}/report gives it, blind-review rule included.
 */
describe("loading many articles' reports at once", () => {
  it("gives each article the model loadReport gives it: round claims with figures, editors' claims with evidence, none for a blind reviewer", async () => {
    const desk = await makeDecidedRound();
    const { team } = desk;
    const editor = { id: desk.editor.id, teamId: team.id, role: "editor" as const };
    const reviewer = { id: desk.reviewer1.id, teamId: team.id, role: "reviewer" as const };
    // A second article with an editor's own claims and evidence, on its second version.
    const second = await createArticle(db, {
      team,
      text: "NATO has 30 members. Stoltenberg met Yoon in Seoul.",
      meta: { title: "Second" },
    });
    const v2 = await db.articleVersion.create({
      data: { articleId: second.id, number: 2, text: "NATO has 31 members. Stoltenberg met Yoon in Seoul.", textHash: "h2", length: 51 },
    });
    const claim = await createClaimOnPhrase(db, {
      team,
      version: { ...v2, articleId: second.id },
      authorId: desk.editor.id,
      phrase: "NATO has 31 members",
      verdict: "verified",
      rationaleHtml: "<p>Since 2023.</p>",
    });
    await createClaimOnPhrase(db, {
      team,
      version: { id: second.versions[0]!.id, articleId: second.id, text: second.versions[0]!.text },
      authorId: desk.editor.id,
      phrase: "NATO has 30 members",
      verdict: "disputed",
    });
    const item = await createEvidenceItem(db, { team, title: "Member list", url: "https://www.nato.int/members" });
    await createEvidenceLink(db, { team, evidenceId: item.id, claimId: claim.id, stance: "supports", pinpoint: "p. 2" });
    // A third article the reviewer now reviews blind, with an editor's claim on it.
    const third = await createArticle(db, { team, text: "Stoltenberg arrived in Tokyo on Monday.", meta: { title: "Third" } });
    const thirdVersion = { id: third.versions[0]!.id, articleId: third.id, text: third.versions[0]!.text };
    await createClaimOnPhrase(db, {
      team,
      version: thirdVersion,
      authorId: desk.editor.id,
      phrase: "arrived in Tokyo",
      verdict: "verified",
    });
    await deskRound(db, { team, version: thirdVersion, editor: desk.editor, reviewers: [desk.reviewer1] });
    // A deleted article is left out.
    const gone = await createArticle(db, { team, text: "Gone.", meta: { title: "Gone" } });
    await db.article.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

    const ids = [second.id, desk.article.id, gone.id, third.id];
    for (const viewer of [editor, reviewer]) {
      const v = await loadVisibility(viewer);
      const many = await loadReports(v, ids, { baseUrl: BASE, now });
      const one = await Promise.all([second.id, desk.article.id, third.id].map((id) => loadReport(v, id, { baseUrl: BASE, now })));
      expect(many).toEqual(one);
    }

    const [s, first, t] = await loadReports(await loadVisibility(editor), ids, { baseUrl: BASE, now });
    // What the comparison covers: not a pair of empty reports.
    expect(s!.version.number).toBe(2);
    expect(s!.claims.map((c) => [c.exact, c.evidence.map((e) => e.pinpoint)])).toEqual([["NATO has 31 members", ["p. 2"]]]);
    expect(first!.claims.map((c) => c.decision?.rationaleText)).toContain(DECISION_RATIONALE);
    expect(first!.summary.roundAgreement).not.toBeNull();
    expect(t!.claims.map((c) => c.exact)).toEqual(["arrived in Tokyo"]);
    const [, , blind] = await loadReports(await loadVisibility(reviewer), ids, { baseUrl: BASE, now });
    expect(blind!.claims).toEqual([]);
  });

  it("reads editors' final claims straight from the driver exactly as Prisma reads them: fields, dates, authors, evidence in link order, deleted items flagged", async () => {
    const desk = await makeDecidedRound();
    const { team } = desk;
    const version = { id: desk.version.id, articleId: desk.article.id, text: desk.version.text };
    const phrases = ["after a one-day visit to South Korea", "the NATO summit in Madrid in June 2022"];
    const claims = [];
    for (const phrase of phrases)
      claims.push(
        await createClaimOnPhrase(db, {
          team,
          version,
          authorId: desk.editor.id,
          phrase,
          verdict: "disputed",
          rationaleHtml: "<p>A &amp; B</p>",
        }),
      );
    // A reviewer's annotation outside a round is not a final claim; nor is a deleted one.
    await createClaimOnPhrase(db, { team, version, authorId: desk.reviewer1.id, phrase: phrases[0]!, verdict: "verified" });
    await db.annotation.update({
      where: {
        id: (await createClaimOnPhrase(db, { team, version, authorId: desk.editor.id, phrase: phrases[1]!, verdict: "verified" })).id,
      },
      data: { deletedAt: new Date() },
    });
    const kept = await createEvidenceItem(db, { team, title: "Kept", url: "https://k.example", publisher: "K" });
    const gone = await createEvidenceItem(db, { team, title: "Gone" });
    await createEvidenceLink(db, { team, evidenceId: gone.id, claimId: claims[0]!.id, stance: "context" });
    await createEvidenceLink(db, { team, evidenceId: kept.id, claimId: claims[0]!.id, stance: "contradicts", pinpoint: "§2" });
    await db.evidenceItem.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
    await db.annotation.update({ where: { id: claims[1]!.id }, data: { anchorState: "drifted", anchorScore: 0.75 } });

    const direct = await editorFinalClaims(team.id, [version.id]);
    const rows = await db.annotation.findMany({
      where: {
        teamId: team.id,
        versionId: version.id,
        roundId: null,
        deletedAt: null,
        author: { memberships: { some: { teamId: team.id, role: { in: ["editor", "admin"] } } } },
      },
      include: {
        author: { select: { id: true, name: true } },
        evidenceLinks: { where: { deletedAt: null }, include: { evidence: true }, orderBy: { createdAt: "asc" } },
      },
    });
    expect(direct).toHaveLength(2);
    const byId = new Map(direct.map((c) => [c.id, c]));
    for (const a of rows) {
      expect(byId.get(a.id)).toMatchObject({
        source: "editor",
        articleId: a.articleId,
        versionId: a.versionId,
        ...anchorFields(a),
        anchorState: a.anchorState,
        anchorScore: a.anchorScore,
        version: a.version,
        verdict: a.verdict,
        rationaleHtml: a.rationaleHtml,
        author: a.author,
        createdAt: a.createdAt.toISOString(),
        updatedAt: a.updatedAt.toISOString(),
        cluster: null,
        decision: null,
        members: [
          {
            annotationId: a.id,
            author: a.author,
            start: a.start,
            end: a.end,
            exact: a.exact,
            verdict: a.verdict,
            rationaleHtml: a.rationaleHtml,
          },
        ],
        evidence: a.evidenceLinks.map((l) => ({
          linkId: l.id,
          stance: l.stance,
          pinpoint: l.pinpoint,
          evidence: {
            id: l.evidence.id,
            kind: l.evidence.kind,
            title: l.evidence.title,
            url: l.evidence.url,
            publisher: l.evidence.publisher,
            author: l.evidence.author,
            publishedDate: l.evidence.publishedDate,
            accessedDate: l.evidence.accessedDate,
            quote: l.evidence.quote,
            dateStart: l.evidence.dateStart,
            dateEnd: l.evidence.dateEnd,
            datePrecision: l.evidence.datePrecision,
            deleted: !!l.evidence.deletedAt,
          },
        })),
      });
    }
    expect(byId.get(claims[0]!.id)!.evidence.map((e) => [e.evidence.title, e.evidence.deleted])).toEqual([
      ["Gone", true],
      ["Kept", false],
    ]);
  });

  it("finds nothing of another team's articles", async () => {
    const desk = await makeDesk(db);
    const other = await makeDesk(db);
    expect(await loadReports(await loadVisibility(desk.editor), [other.article.id], { baseUrl: BASE })).toEqual([]);
    expect(await loadReports(await loadVisibility(desk.editor), [desk.article.id], { baseUrl: BASE })).toHaveLength(1);
  });
});
