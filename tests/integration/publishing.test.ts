import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { publishArticle } from "@/lib/server/publications/publish-article";
import { retractPublication } from "@/lib/server/publications/retract-publication";
import { getPublication } from "@/lib/server/publications/get-publication";
import { loadPublicPage } from "@/lib/server/publications/load-public-page";
import { loadPublicText } from "@/lib/server/publications/load-public-text";
import { listPublicFactChecks } from "@/lib/server/publications/list-public-fact-checks";
import { loadReport } from "@/lib/server/reports/load-report";
import { buildW3c } from "@/lib/export/w3c";
import { renderPublicPage } from "@/lib/publish/render-public-page";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { createArticle } from "@/seeds/factories";
import { findPhrase } from "@/seeds/evidence-factories";
import { makeDesk, makeMember } from "../support/actors";
import { errorCode } from "../support/error-code";
import { ReportPool } from "@/lib/server/reports/report-pool";
import { NO_WARM_UP } from "@/lib/server/reports/warm-up-plan";
import { checkGoogleClaimReview } from "../support/google-claimreview";

const BASE = "http://claimdesk.test";
const TEXT = "Stoltenberg met Yoon in Seoul on Sunday.\nNATO has 30 members, the 𝕏 post said.\nHe flew on to Tokyo.";
const span = (phrase: string) => findPhrase(TEXT, phrase);

/** One report worker, as the server runs them (the ClaimReview download is built there). */
let pool: ReportPool | undefined;
const reports = () =>
  (pool ??= new ReportPool(
    { timeMs: 30_000, memoryMb: 512, maxBytes: 64 * 1024 * 1024, workers: 1, queue: 4, zipMaxBytes: 1 << 30, zipJobs: 1, warmUpPdfs: 0 },
    { warmUp: NO_WARM_UP },
  ));
afterAll(() => pool?.close());

/** The article's ClaimReview download as the editor gets it, parsed. */
async function claimReviewOf(articleId: string, publishedUrl?: string) {
  const viewer = { id: desk.editor.id, teamId: desk.team.id, role: desk.editor.role };
  const load = { baseUrl: BASE, ...(publishedUrl ? { publishedUrl } : {}) };
  const { files } = await reports().run({ kind: "article", viewer, articleId, load, format: "claimreview" });
  return JSON.parse(new TextDecoder().decode(files[0]!.bytes)) as Record<string, any>[];
}

let desk: Awaited<ReturnType<typeof makeDesk>>;
let other: Awaited<ReturnType<typeof makeDesk>>;
let teamSlug: string;

beforeAll(async () => {
  desk = await makeDesk(db, TEXT);
  other = await makeDesk(db);
  teamSlug = desk.team.slug;
  await db.team.update({
    where: { id: desk.team.id },
    data: { publisherName: "Desk Fact Check", publisherUrl: "https://factcheck.example/" },
  });
  for (const [phrase, verdict] of [
    ["Stoltenberg met Yoon in Seoul", "verified"],
    ["NATO has 30 members", "disputed"],
    ["He flew on to Tokyo", "unsourced"],
  ] as const) {
    await createClaim(await viewerOf(desk.editor), desk.article.id, {
      versionId: desk.version.id,
      ...span(phrase),
      verdict,
      speaker: "Jens Stoltenberg",
    });
  }
  // A reviewer's own annotation is private work, not a final claim.
  await createClaim(await viewerOf(desk.reviewer), desk.article.id, {
    versionId: desk.version.id,
    ...span("on Sunday"),
    verdict: "disputed",
  });
  // A correction left the third claim on edited words: never a standing verdict.
  await db.annotation.updateMany({ where: { articleId: desk.article.id, exact: "He flew on to Tokyo" }, data: { anchorState: "drifted" } });
});

describe("publishing", () => {
  it("makes no ClaimReview of an unpublished fact-check: the download is a 409 naming publishUrl, a ZIP leaves the file out", async () => {
    const viewer = { id: desk.editor.id, teamId: desk.team.id, role: desk.editor.role };
    const load = { baseUrl: BASE };
    const refused = await reports()
      .run({ kind: "article", viewer, articleId: desk.article.id, load, format: "claimreview" })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(refused).toMatchObject({ code: "CONFLICT", field: "publishUrl" });
    expect((refused as Error).message).toMatch(/not published/);
    // The team ZIP still builds, without an empty or private ClaimReview for this article.
    const zip = await reports().run({ kind: "articles", viewer, articleIds: [desk.article.id], load, formats: ["claimreview", "csv"] });
    expect(zip.files.map((f) => f.format)).toEqual(["csv"]);
    // An address the desk gives is public: each claim at its anchor there, the article named, nothing empty.
    const given = await claimReviewOf(desk.article.id, "https://factcheck.example/checks/test");
    expect(given.map((r) => r.url)).toEqual([
      "https://factcheck.example/checks/test#claim-1",
      "https://factcheck.example/checks/test#claim-2",
    ]);
    for (const r of given) expect(r.itemReviewed.appearance).toEqual({ "@type": "NewsArticle", headline: "Test article" });
    expect(JSON.stringify(given)).not.toMatch(/\{"@type":"[A-Za-z]+"\}/);
  }, 120_000);

  it("is refused to reviewers (403) and to another team (404), and publishes the standing final claims once, audited", async () => {
    expect(await errorCode(publishArticle(await viewerOf(desk.reviewer), desk.article.id, {}, BASE))).toBe("403:");
    expect(await errorCode(publishArticle(await viewerOf(other.editor), desk.article.id, {}, BASE))).toBe("404:");
    expect(await errorCode(getPublication(other.editor, desk.article.id, BASE))).toBe("404:");

    // Two first publishes at once: one wins, the other is a 409 with the current state.
    const editor = await viewerOf(desk.editor);
    const results = await Promise.allSettled([
      publishArticle(editor, desk.article.id, {}, BASE),
      publishArticle(editor, desk.article.id, {}, BASE),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: "CONFLICT", current: { status: "published" } });
    expect(await db.publication.count({ where: { articleId: desk.article.id } })).toBe(1);

    const p = await getPublication(desk.editor, desk.article.id, BASE);
    expect(p).toMatchObject({
      status: "published",
      slug: "test-article",
      version: 1,
      claimCount: 2,
      url: `${BASE}/f/${teamSlug}/test-article`,
    });
    expect(await db.auditEvent.count({ where: { objectId: desk.article.id, action: "publication.publish" } })).toBe(1);

    const page = await loadPublicPage(teamSlug, "test-article", BASE);
    expect(page.factCheck.claims.map((c) => [c.number, c.exact, c.speaker])).toEqual([
      [1, "Stoltenberg met Yoon in Seoul", "Jens Stoltenberg"],
      [2, "NATO has 30 members", "Jens Stoltenberg"],
    ]);
    expect(page.factCheck.withheld).toBe(1);
    expect(JSON.stringify(page.factCheck)).not.toContain(desk.reviewer.id);
    expect(JSON.stringify(page.factCheck)).not.toContain(desk.editor.id);
    expect(await loadPublicText(teamSlug, "test-article", 1)).toBe(TEXT);
    expect((await listPublicFactChecks(teamSlug)).entries).toEqual([
      expect.objectContaining({ slug: "test-article", claimCount: 2, summary: "1 Verified, 1 Disputed" }),
    ]);

    // The desk's own exports now point at the public copies: ClaimReview urls and W3C's cached text (UTF-16 aside, code points).
    const model = await loadReport(editor.visibility, desk.article.id, { baseUrl: BASE });
    expect(model.publication).toMatchObject({ url: p.url, texts: { 1: `${p.url}/text/1` } });
    const w3c = buildW3c(model) as { first: { items: { target: { state: { cached: string } } }[] } };
    expect(w3c.first.items[0]!.target.state.cached).toBe(`${p.url}/text/1`);
  });

  it("points the ClaimReview of the published fact-check at its public page, the article appearing at the public text", async () => {
    const page = `${BASE}/f/${teamSlug}/test-article`;
    const reviews = await claimReviewOf(desk.article.id);
    expect(reviews.map((r) => r.url)).toEqual([`${page}#claim-1`, `${page}#claim-2`]);
    for (const r of reviews) {
      expect(r.url).not.toContain("/api/");
      expect(r.itemReviewed.appearance).toEqual({ "@type": "NewsArticle", url: `${page}/text/1`, headline: "Test article" });
      expect(r.itemReviewed.firstAppearance).toEqual(r.itemReviewed.appearance);
      expect(checkGoogleClaimReview(r, page)).toEqual({ required: [], recommended: ["itemReviewed.datePublished"] });
    }
  }, 120_000);

  it("publishes again only with the version read and a note, and only when something changed; a retraction hides the verdicts and texts", async () => {
    const editor = await viewerOf(desk.editor);
    expect(await errorCode(publishArticle(editor, desk.article.id, { version: 1, note: "Nothing." }, BASE))).toBe("409:");
    await db.annotation.updateMany({
      where: { articleId: desk.article.id, exact: "NATO has 30 members" },
      data: { rationaleHtml: "<p>31 since April 2023.</p>" },
    });
    await expect(publishArticle(editor, desk.article.id, { version: 9, note: "Stale." }, BASE)).rejects.toMatchObject({
      code: "CONFLICT",
      current: { version: 1 },
    });
    const updated = await publishArticle(editor, desk.article.id, { version: 1, note: "Explained the count." }, BASE);
    expect(updated.log.map((l) => l.action)).toEqual(["publish", "update"]);
    expect(renderPublicPage(await loadPublicPage(teamSlug, "test-article", BASE))).toContain("31 since April 2023.");

    expect(await errorCode(retractPublication(desk.reviewer, desk.article.id, { version: 2, reason: "No." }, BASE))).toBe("403:");
    await expect(retractPublication(desk.editor, desk.article.id, { version: 1, reason: "Stale." }, BASE)).rejects.toMatchObject({
      code: "CONFLICT",
      current: { version: 2 },
    });
    const retracted = await retractPublication(desk.editor, desk.article.id, { version: 2, reason: "Misquoted." }, BASE);
    expect(retracted).toMatchObject({ status: "retracted", retraction: { reason: "Misquoted." }, embed: null });
    const html = renderPublicPage(await loadPublicPage(teamSlug, "test-article", BASE));
    expect(html).toContain("Misquoted.");
    expect(html).not.toContain("application/ld+json");
    expect(await errorCode(loadPublicText(teamSlug, "test-article", 1))).toBe("404:");
    expect((await loadReport(editor.visibility, desk.article.id, { baseUrl: BASE })).publication).toBeUndefined();
    expect(
      (
        await db.auditEvent.findMany({
          where: { objectId: desk.article.id, action: { startsWith: "publication." } },
          orderBy: { createdAt: "asc" },
        })
      ).map((e) => e.action),
    ).toEqual(["publication.publish", "publication.update", "publication.retract"]);
  });

  it("serves nothing of a deleted article, another team's address or a malformed one", async () => {
    const second = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Second article" } });
    const admin = await makeMember(db, desk.team, "admin");
    await createClaim(await viewerOf(admin), second.id, {
      versionId: second.versions[0]!.id,
      ...span("Stoltenberg met Yoon in Seoul"),
      verdict: "verified",
    });
    const p = await publishArticle(await viewerOf(admin), second.id, { slug: "second" }, BASE);
    expect(p.status).toBe("published");
    expect(await errorCode(loadPublicPage(other.team.slug, "second", BASE))).toBe("404:");
    expect(await errorCode(loadPublicPage(teamSlug, "Second", BASE))).toBe("404:");
    await db.article.update({ where: { id: second.id }, data: { deletedAt: new Date() } });
    expect(await errorCode(loadPublicPage(teamSlug, "second", BASE))).toBe("404:");
    expect((await listPublicFactChecks(teamSlug)).entries.map((e) => e.slug)).not.toContain("second");
  });
});
