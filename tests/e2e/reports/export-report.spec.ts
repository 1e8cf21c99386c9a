import { pathToFileURL } from "node:url";
import { writeFileSync } from "node:fs";
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { createArticle } from "@/seeds/factories";
import { nextPaint } from "../../support/select-text";

const PAYLOAD = `<img src=x onerror="window.__pwned=1;alert('rationale')"><script>window.__pwned=2;alert('script')</script>`;
const TITLE_PAYLOAD = `"><svg onload="window.__pwned=3;alert('title')"></svg><b id="injected">bold</b>`;

const span = (text: string, phrase: string) => ({
  start: [...text.slice(0, text.indexOf(phrase))].length,
  end: [...text.slice(0, text.indexOf(phrase) + phrase.length)].length,
});

test("an XSS payload in a rationale and in an evidence title does not run when the downloaded HTML report is opened", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.editor.email);
  // Stored through the real API: the rationale goes through the sanitizer, the evidence title is plain text.
  const claim = await (
    await context.request.post(`/api/articles/${desk.article.id}/claims`, {
      data: {
        versionId: desk.version.id,
        ...span(desk.text, "NATO Secretary-General Jens Stoltenberg"),
        verdict: "disputed",
        rationale: `<p>Check this ${PAYLOAD} out</p>`,
      },
    })
  ).json();
  const linked = await context.request.post(`/api/claims/${claim.id}/evidence`, {
    data: { evidence: { kind: "web_source", title: TITLE_PAYLOAD, url: "https://www.nato.int/x" }, stance: "contradicts" },
  });
  expect(linked.status()).toBe(201);

  await page.goto(`/articles/${desk.article.id}`);
  await page.getByRole("button", { name: "Export" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /HTML report/ }).click()]);
  expect(download.suggestedFilename()).toMatch(/-v1-report\.html$/);
  const file = test.info().outputPath("report.html");
  await download.saveAs(file);

  const report = await context.newPage();
  const dialogs: string[] = [];
  report.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  // Opened from disk, as a reader would: no server headers protect it, only the escaping.
  await report.goto(pathToFileURL(file).href);
  await expect(report.locator("h1")).toContainText("Article");
  // Inline scripts and image error handlers have all run by the load event.
  await report.waitForLoadState("load");
  await nextPaint(report);
  expect(dialogs).toEqual([]);
  expect(await report.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  // The one script is the ClaimReview data block, which browsers never run, and it parses as JSON: empty, because the
  // fact-check is not published and ClaimReview never points search engines at the desk's own report.
  await expect(report.locator("script:not([type='application/ld+json']), svg, img, #injected")).toHaveCount(0);
  const ld = JSON.parse((await report.locator("script[type='application/ld+json']").textContent()) ?? "null");
  expect(ld).toEqual([]);
  // The payloads are there as text a reader can see.
  await expect(report.locator(".evidence")).toContainText(TITLE_PAYLOAD);
  await expect(report.locator("#row-1 .rationale")).toContainText("Check this");
  await expect(report.locator("#row-1")).toContainText("Disputed");
  await expect(report.locator("#claim-1")).toHaveText("NATO Secretary-General Jens Stoltenberg");

  // The control: the same payload in a page that does not escape it does run, so the checks above can fail.
  const unsafe = test.info().outputPath("unsafe.html");
  writeFileSync(unsafe, `<!doctype html><p>${TITLE_PAYLOAD}</p>`);
  await report.goto(pathToFileURL(unsafe).href);
  await expect.poll(() => dialogs.length).toBe(1);
  await expect(report.locator("#injected")).toHaveCount(1);
});

test("imports a W3C export into a copy of the article from the Export menu and shows what it placed", async ({ page, context, desk }) => {
  await signInContext(context, desk.editor.email);
  for (const [phrase, verdict] of [
    ["NATO Secretary-General Jens Stoltenberg", "verified"],
    ["arriving in South Korea on Sunday", "unsourced"],
  ] as const) {
    await context.request.post(`/api/articles/${desk.article.id}/claims`, {
      data: { versionId: desk.version.id, ...span(desk.text, phrase), verdict },
    });
  }
  const exported = await (await context.request.get(`/api/articles/${desk.article.id}/report?format=w3c`)).json();
  // One more annotation whose quote is not in the article: it must be reported, not guessed.
  exported.first.items.push({
    ...exported.first.items[0],
    id: "urn:x:missing",
    target: { source: "x", selector: { type: "TextQuoteSelector", exact: "Biden visited Pyongyang" } },
  });
  const file = test.info().outputPath("annotations.jsonld");
  writeFileSync(file, JSON.stringify(exported));
  const copy = await createArticle(testDb(), {
    team: desk.team,
    text: desk.text,
    stripFurniture: false,
    meta: { title: "Copy of the article" },
  });

  await page.goto(`/articles/${copy.id}`);
  await page.getByRole("button", { name: "Export" }).click();
  await page.getByLabel("Import W3C annotations").setInputFiles(file);
  const result = page.getByTestId("import-result");
  await expect(result).toContainText("Imported 2 of 3 annotations.");
  await expect(result).toContainText("#3: The quoted text is not in this article.");
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  const rows = await testDb().annotation.findMany({ where: { articleId: copy.id }, orderBy: { start: "asc" } });
  expect(rows.map((r) => [r.exact, r.verdict])).toEqual([
    ["NATO Secretary-General Jens Stoltenberg", "verified"],
    ["arriving in South Korea on Sunday", "unsourced"],
  ]);
});

test("downloads the whole team's reports as one ZIP, with progress while it builds", async ({ page, context, desk }) => {
  await signInContext(context, desk.editor.email);
  for (let i = 0; i < 3; i++)
    await createArticle(testDb(), { team: desk.team, text: `Article number ${i}.\nIt says things.`, meta: { title: `Extra ${i}` } });
  await page.goto(`/articles/${desk.article.id}`);
  await page.getByRole("button", { name: "Export" }).click();
  const progress = page.waitForResponse((r) => /\/api\/reports\/zip\/[^/]+$/.test(r.url()));
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download all as ZIP" }).click()]);
  // The page polled the job's progress before the download began.
  const polled = await (await progress).json();
  expect(polled).toMatchObject({ total: 4 });
  expect(download.suggestedFilename()).toMatch(/-reports-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByRole("status").filter({ hasText: "4 articles exported." })).toBeVisible();
});
