import JSZip from "jszip";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, makeDesk, signIn, testDb, expectSignedOutRefused } from "../support/fixtures";
import { createArticle } from "@/seeds/factories";
import { parseCsv } from "../support/parse-csv";
import { CONFLICT_PHRASE, AGREED_PHRASE } from "../support/review-desk";
import { DECISION_RATIONALE, makeDecidedRound } from "../support/decided-round";

type Desk = Awaited<ReturnType<typeof makeDesk>>;

/** Two editor claims on the desk's article (the second with evidence), made through the API. */
async function withClaims(request: APIRequestContext, desk: Desk) {
  await signIn(request, desk.editor.email);
  const at = (phrase: string) => ({
    start: [...desk.text.slice(0, desk.text.indexOf(phrase))].length,
    end: [...desk.text.slice(0, desk.text.indexOf(phrase) + phrase.length)].length,
  });
  const post = (phrase: string, verdict: string, rationale?: string) =>
    request
      .post(`/api/articles/${desk.article.id}/claims`, { data: { versionId: desk.version.id, ...at(phrase), verdict, rationale } })
      .then((r) => r.json());
  const first = await post("NATO Secretary-General Jens Stoltenberg", "verified", "<p>Named in the press release.</p>");
  const second = await post("arriving in South Korea on Sunday", "disputed");
  const linked = await request.post(`/api/claims/${second.id}/evidence`, {
    data: { evidence: { kind: "web_source", title: "NATO press release", url: "https://www.nato.int/x" }, stance: "supports" },
  });
  expect(linked.status()).toBe(201);
  return [first, second];
}

const url = (desk: Desk, q: string) => `/api/articles/${desk.article.id}/report?${q}`;

test.describe("reports API", () => {
  test("should require authentication", async ({ request, desk }) => {
    await expectSignedOutRefused(request, [
      ...["html", "pdf", "md", "csv", "claimreview", "w3c"].map((f) => ["GET", url(desk, `format=${f}`)] as const),
      ["GET", url(desk, "format=html&round=whatever")],
      ["GET", `/api/articles/${desk.article.id}/versions/1`],
      ["POST", `/api/articles/${desk.article.id}/annotations/import`],
      ["POST", "/api/reports/zip"],
      ["GET", "/api/reports/zip/whatever"],
      ["GET", "/api/reports/zip/whatever/download"],
    ]);
  });

  test("another team gets 404 for the report, the version text and the import", async ({ playwright, desk }) => {
    const other = await makeDesk();
    const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(stranger, other.editor.email);
    for (const format of ["html", "pdf", "md", "csv", "claimreview", "w3c"])
      expect((await stranger.get(url(desk, `format=${format}`))).status()).toBe(404);
    expect((await stranger.get(`/api/articles/${desk.article.id}/versions/1`)).status()).toBe(404);
    const imported = await stranger.post(`/api/articles/${desk.article.id}/annotations/import`, { data: [] });
    expect(imported.status()).toBe(404);
    expect(await testDb().annotation.count({ where: { articleId: desk.article.id } })).toBe(0);
    await stranger.dispose();
  });

  test("bad input gets 400 naming the field", async ({ request, desk }) => {
    await signIn(request, desk.reviewer.email);
    for (const [q, field] of [
      ["format=docx", "format"],
      ["", "format"],
      ["format=html&disposition=window", "disposition"],
      ["format=claimreview&publishUrl=javascript:alert(1)", "publishUrl"],
      ["format=html&round=", "round"],
      [`format=pdf&round=${"r".repeat(65)}`, "round"],
    ]) {
      const res = await request.get(url(desk, q));
      expect(res.status(), q).toBe(400);
      expect((await res.json()).field, q).toBe(field);
    }
    expect((await request.get(url(desk, "format=html&round=nope"))).status()).toBe(404);
    // Not published and no address given: ClaimReview has no public page to point at (409 naming the field to fill).
    const unpublished = await request.get(url(desk, "format=claimreview"));
    expect(unpublished.status()).toBe(409);
    expect(await unpublished.json()).toEqual({ error: expect.stringMatching(/not published/), field: "publishUrl" });
    expect((await request.get(url(desk, "format=claimreview&publishUrl=https://desk.example/checks/x"))).status()).toBe(200);
    expect((await request.get(`/api/articles/${desk.article.id}/versions/zero`)).status()).toBe(400);
    expect((await request.get(`/api/articles/${desk.article.id}/versions/9`)).status()).toBe(404);
    const importUrl = `/api/articles/${desk.article.id}/annotations/import`;
    const notJson = await request.post(importUrl, { data: Buffer.from("{nope"), headers: { "Content-Type": "application/json" } });
    expect(notJson.status()).toBe(400);
    const notW3c = await request.post(importUrl, { data: { hello: "world" } });
    expect(notW3c.status()).toBe(400);
    expect((await notW3c.json()).field).toBe("type");
    const huge = await request.post(importUrl, {
      data: Buffer.from(`[${" ".repeat(9 * 1024 * 1024)}]`),
      headers: { "Content-Type": "application/json" },
    });
    expect(huge.status()).toBe(413);
    const zip = await request.post("/api/reports/zip", { data: { formats: ["html", "docx"] } });
    expect(zip.status()).toBe(400);
    expect((await zip.json()).field).toBe("formats.1");
  });

  test("serves each format with its content type, as an attachment with a sensible name", async ({ request, desk }) => {
    const [first] = await withClaims(request, desk);
    const expected = {
      html: "text/html; charset=utf-8",
      pdf: "application/pdf",
      md: "text/markdown; charset=utf-8",
      csv: "text/csv; charset=utf-8; header=present",
      claimreview: "application/ld+json; charset=utf-8",
      w3c: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"; charset=utf-8',
    };
    const stem = `article-${desk.team.slug}-v1`;
    const names = {
      html: "report.html",
      pdf: "report.pdf",
      md: "report.md",
      csv: "claims.csv",
      claimreview: "claimreview.jsonld",
      w3c: "annotations.jsonld",
    };
    const bodies: Record<string, Buffer> = {};
    for (const [format, type] of Object.entries(expected)) {
      // ClaimReview needs a public address: the article is not published, so the desk gives one.
      const at = format === "claimreview" ? "&publishUrl=https://desk.example/checks/x" : "";
      const res = await request.get(url(desk, `format=${format}${at}`));
      expect(res.status(), format).toBe(200);
      expect(res.headers()["content-type"]).toBe(type);
      expect(res.headers()["content-disposition"]).toContain(`attachment; filename="${stem}-${names[format as keyof typeof names]}"`);
      expect(res.headers()["x-content-type-options"]).toBe("nosniff");
      bodies[format] = await res.body();
    }
    expect(bodies.html!.toString()).toContain(`<mark id="claim-1"`);
    expect(bodies.pdf!.subarray(0, 5).toString()).toBe("%PDF-");
    expect(bodies.md!.toString()).toContain('### <a id="claim-2"></a>2. Disputed');
    expect(
      parseCsv(bodies.csv!.toString())
        .slice(1)
        .map((r) => r[7]),
    ).toEqual(["Verified", "Disputed"]);
    const reviews = JSON.parse(bodies.claimreview!.toString());
    expect(reviews.map((r: { reviewRating: { alternateName: string } }) => r.reviewRating.alternateName)).toEqual(["Verified", "Disputed"]);
    const w3c = JSON.parse(bodies.w3c!.toString());
    expect(w3c.first.items[0].id).toBe(`urn:claimdesk:claim:${first.id}`);
    // The TimeState's cached copy resolves to the exact text the offsets count in.
    const cached = await request.get(new URL(w3c.first.items[0].target.state.cached).pathname);
    expect(cached.headers()["content-type"]).toBe("text/plain; charset=utf-8");
    expect(await cached.text()).toBe(desk.text);
    // Shown in the browser on request, under a policy that runs nothing.
    const inline = await request.get(url(desk, "format=html&disposition=inline"));
    expect(inline.headers()["content-disposition"]).toMatch(/^inline;/);
    expect(inline.headers()["content-security-policy"]).toContain("default-src 'none'");
  });

  test("imports an exported W3C file into a fresh copy of the article", async ({ request, desk }) => {
    await withClaims(request, desk);
    const exported = await (await request.get(url(desk, "format=w3c"))).json();
    const copy = await createArticle(testDb(), { team: desk.team, text: desk.text, stripFurniture: false });
    const res = await request.post(`/api/articles/${copy.id}/annotations/import`, { data: exported });
    expect(res.status()).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ total: 2, failed: [] });
    const claims = await (await request.get(`/api/articles/${copy.id}/claims`)).json();
    const original = await (await request.get(`/api/articles/${desk.article.id}/claims`)).json();
    const shape = (list: { start: number; end: number; verdict: string }[]) => list.map((c) => [c.start, c.end, c.verdict]);
    expect(shape(claims)).toEqual(shape(original));
  });

  test("builds the team's ZIP as a job with progress, then serves it", async ({ request, desk }) => {
    await withClaims(request, desk);
    await createArticle(testDb(), { team: desk.team, text: "A second article.\nWith two paragraphs.", meta: { title: "Second – café" } });
    const started = await request.post("/api/reports/zip", { data: { formats: ["html", "csv", "w3c"] } });
    expect(started.status()).toBe(202);
    const job = await started.json();
    expect(job).toMatchObject({ status: "running", total: 2 });
    let progress = job;
    for (let i = 0; i < 100 && progress.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      progress = await (await request.get(`/api/reports/zip/${job.id}`)).json();
    }
    expect(progress).toMatchObject({ status: "done", done: 2, total: 2, downloadUrl: `/api/reports/zip/${job.id}/download` });
    const res = await request.get(progress.downloadUrl);
    expect(res.headers()["content-type"]).toBe("application/zip");
    expect(res.headers()["content-disposition"]).toMatch(/attachment; filename="desk-[a-z0-9-]+-reports-\d{4}-\d{2}-\d{2}\.zip"/);
    const zip = await JSZip.loadAsync(await res.body());
    const files = Object.keys(zip.files)
      .filter((f) => !zip.files[f]!.dir)
      .sort();
    expect(files).toEqual([
      `001-article-${desk.team.slug}-v1/article-${desk.team.slug}-v1-annotations.jsonld`,
      `001-article-${desk.team.slug}-v1/article-${desk.team.slug}-v1-claims.csv`,
      `001-article-${desk.team.slug}-v1/article-${desk.team.slug}-v1-report.html`,
      "002-second-cafe-v1/second-cafe-v1-annotations.jsonld",
      "002-second-cafe-v1/second-cafe-v1-claims.csv",
      "002-second-cafe-v1/second-cafe-v1-report.html",
      "index.csv",
    ]);
    const index = parseCsv(await zip.file("index.csv")!.async("string"));
    expect(index.slice(1).map((r) => [r[2], r[4]])).toEqual([
      [`Article ${desk.team.slug}`, "2"],
      ["Second – café", "0"],
    ]);
    // Someone else cannot see or download the job.
    await signIn(request, desk.reviewer.email);
    expect((await request.get(`/api/reports/zip/${job.id}`)).status()).toBe(404);
    expect((await request.get(`/api/reports/zip/${job.id}/download`)).status()).toBe(404);
  });

  test("serves one review round's report, with each reviewer's verdict and the decision's rationale", async ({ request }) => {
    const desk = await makeDecidedRound();
    await signIn(request, desk.editor.email);
    const roundUrl = (format: string) => `/api/articles/${desk.article.id}/report?format=${format}&round=${desk.round.id}`;
    const [ann, ben] = [desk.reviewer1.name, desk.reviewer2.name];

    const html = await request.get(roundUrl("html"));
    expect(html.status()).toBe(200);
    expect(html.headers()["content-disposition"]).toContain(`-v1-round-${desk.round.id.slice(0, 8)}-report.html"`);
    const page = await html.text();
    expect(page).toContain(`<li>${ann}: <span class="verdict v-disputed">Disputed</span></li>`);
    expect(page).toContain(`<li>${ben}: <span class="verdict v-verified">Verified</span></li>`);
    expect(page).toContain(`<p>${DECISION_RATIONALE}</p>`);
    expect(page).toContain("Reviewers disagreed on the verdict");
    expect(page).toContain(`adjudicator ${desk.editor.name}`);

    // The same in the plain formats: one row per decided cluster (the boundary-only one is still open).
    const csv = parseCsv(await (await request.get(roundUrl("csv"))).text());
    const col = (name: string) => csv[0]!.indexOf(name);
    const rows = csv.slice(1);
    expect(rows.map((r) => r[col("claim_text")]).sort()).toEqual([AGREED_PHRASE, CONFLICT_PHRASE].sort());
    const conflict = rows.find((r) => r[col("claim_text")] === CONFLICT_PHRASE)!;
    expect(conflict[col("verdict")]).toBe("Disputed");
    expect(conflict[col("reviewer_verdicts")]!.split("\n").sort()).toEqual([`${ann}: Disputed`, `${ben}: Verified`]);
    expect(conflict[col("decision_rationale")]).toBe(DECISION_RATIONALE);
    expect(conflict[col("claim_url")]).toContain(`round=${desk.round.id}`);
    const md = await (await request.get(roundUrl("md"))).text();
    expect(md).toMatch(new RegExp(`\\*\\*Reviewers:\\*\\* (${ann}: Disputed; ${ben}: Verified|${ben}: Verified; ${ann}: Disputed)`));
    // The claim's rationale is the decision's note: printed once, as the rationale, not again after the decision line.
    expect(md).toContain(`**Rationale:** ${DECISION_RATIONALE}`);
    expect(md.split(DECISION_RATIONALE)).toHaveLength(2);
  });

  test("caps an import: too many annotations, or too many evidence links on one, get 400 naming the field", async ({ request, desk }) => {
    await signIn(request, desk.editor.email);
    const importUrl = `/api/articles/${desk.article.id}/annotations/import`;
    const many = await request.post(importUrl, { data: Array.from({ length: 5001 }, () => ({})) });
    expect(many.status()).toBe(400);
    expect((await many.json()).field).toBe("items");
    const links = Array.from({ length: 51 }, (_, i) => ({
      type: "SpecificResource",
      purpose: "linking",
      source: { id: `https://evidence.example/${i}`, type: "Text" },
    }));
    const heavy = await request.post(importUrl, {
      data: {
        type: "Annotation",
        body: [{ type: "TextualBody", purpose: "tagging", value: "Verified" }, ...links],
        target: { source: "x", selector: { type: "TextQuoteSelector", exact: "NATO Secretary-General Jens Stoltenberg" } },
      },
    });
    expect(heavy.status()).toBe(400);
    expect((await heavy.json()).field).toBe("items.0.body");
    expect(await testDb().annotation.count({ where: { articleId: desk.article.id } })).toBe(0);
    expect(await testDb().evidenceItem.count({ where: { teamId: desk.team.id } })).toBe(0);
  });

  test("a ZIP still building gets 409 with its progress; another team's job is 404", async ({ request, playwright, desk }) => {
    await signIn(request, desk.editor.email);
    // PDFs of a few articles take long enough that the first download request finds the job running.
    for (let i = 0; i < 3; i++)
      await createArticle(testDb(), { team: desk.team, text: `Article ${i}.\nIt says things.`, meta: { title: `Extra ${i}` } });
    const job = await (await request.post("/api/reports/zip", { data: { formats: ["pdf"] } })).json();
    const early = await request.get(`/api/reports/zip/${job.id}/download`);
    expect(early.status()).toBe(409);
    const body = await early.json();
    expect(body).toMatchObject({ error: expect.any(String), current: { id: job.id, status: "running", total: 4, downloadUrl: null } });
    expect(early.headers()["content-type"]).toContain("application/json");

    const other = await makeDesk();
    const stranger = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(stranger, other.editor.email);
    expect((await stranger.get(`/api/reports/zip/${job.id}`)).status()).toBe(404);
    expect((await stranger.get(`/api/reports/zip/${job.id}/download`)).status()).toBe(404);
    await stranger.dispose();

    // Once built, the owner downloads it.
    let progress = job;
    for (let i = 0; i < 200 && progress.status === "running"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      progress = await (await request.get(`/api/reports/zip/${job.id}`)).json();
    }
    expect(progress).toMatchObject({ status: "done", done: 4 });
    expect((await request.get(progress.downloadUrl)).status()).toBe(200);
  });
});
