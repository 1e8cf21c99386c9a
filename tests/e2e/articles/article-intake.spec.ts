import { fileURLToPath } from "node:url";
import { readFileSync } from "node:fs";
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { send, startPageServer, type PageServer } from "../../support/page-server";

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/extraction/${name}.html`, import.meta.url));
const SHOTS = `test-results/screens${process.env.CLAIMDESK_TEST_SLOT ? `-${process.env.CLAIMDESK_TEST_SLOT}` : ""}`;
const DROPPED = "Transit authority general manager Paul Esposito said in a statement";

let server: PageServer;
test.beforeAll(async () => {
  server = await startPageServer({ "/2023/03/14/council-approves-budget/": send(readFileSync(fixture("wp-council-budget"))) });
});
test.afterAll(() => server.close());

test("import a news page by file: metadata prefilled, a kept block left out, saved, title edited, found by a word of its text, deleted", async ({
  page,
  context,
  desk,
}) => {
  test.setTimeout(180_000);
  await signInContext(context, desk.editor.email);
  await page.goto("/articles/new");
  await page.getByLabel("Upload a file").check();
  await page.locator('input[type="file"]').setInputFiles(fixture("arc-transit-strike"));
  await page.getByRole("button", { name: "Preview" }).click();

  // What the page states fills the form, each field saying where it came from.
  const preview = page.getByTestId("preview-text");
  await expect(preview).toContainText("Members of the union that represents the region’s bus drivers");
  await expect(preview).not.toContainText("Story continues below advertisement");
  await expect(preview).not.toContainText("Subscribe now");
  await expect(page.getByLabel("Title")).toHaveValue("Transit workers vote to strike as contract talks collapse");
  await expect(page.getByLabel("Author")).toHaveValue("Daniel Okafor, Leah Goldberg");
  await expect(page.getByLabel("Outlet")).toHaveValue("The Metro Tribune");
  await expect(page.getByLabel("Published date")).toHaveValue("2023-06-21");
  await expect(page.getByLabel("Updated date")).toHaveValue("2023-06-22");
  await expect(page.getByLabel("URL")).toHaveValue("https://www.metrotribune.com/local/2023/06/21/transit-strike-vote/");
  await expect(page.getByTestId("source-title")).toHaveText("From the page: JSON-LD NewsArticle headline");
  await expect(page.getByTestId("source-url")).toHaveText('From the page: link rel="canonical"');

  // Leave out a block the cleanup kept; put it back; leave it out again.
  await preview
    .getByTestId("preview-line")
    .filter({ hasText: DROPPED })
    .getByRole("button", { name: /Leave out/ })
    .click();
  await expect(preview).not.toContainText(DROPPED);
  await expect(page.getByTestId("dropped-line")).toContainText(DROPPED);
  await page.screenshot({ path: `${SHOTS}/import-preview-desktop.png`, fullPage: true });
  await page.getByTestId("dropped-line").getByRole("button", { name: "Keep" }).click();
  await expect(preview).toContainText(DROPPED);
  await preview
    .getByTestId("preview-line")
    .filter({ hasText: DROPPED })
    .getByRole("button", { name: /Leave out/ })
    .click();
  await expect(preview).not.toContainText(DROPPED);

  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Transit workers vote to strike as contract talks collapse" })).toBeVisible();
  await expect(page.getByTestId("article-meta")).toHaveText(
    "The Metro Tribune · Daniel Okafor, Leah Goldberg · 21 Jun 2023 · updated 22 Jun 2023",
  );
  const articleId = page.url().split("/").pop()!;
  const saved = await testDb().article.findUniqueOrThrow({ where: { id: articleId }, include: { versions: true } });
  expect(saved).toMatchObject({
    teamId: desk.team.id,
    outlet: "The Metro Tribune",
    publishedDate: "2023-06-21",
    metaSources: expect.objectContaining({ title: "JSON-LD NewsArticle headline" }),
  });
  expect(saved.versions[0]!.text).not.toContain(DROPPED);
  // The headline is the article's title, shown once as the page's heading: the text does not begin with it again.
  expect(saved.versions[0]!.text.startsWith("Transit workers vote to strike")).toBe(false);
  const body = page.locator(".article-viewer");
  await expect(body).toContainText("A walkout could begin as soon as July 1");
  await expect(body.getByText("Transit workers vote to strike as contract talks collapse")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Transit workers vote to strike as contract talks collapse" })).toHaveCount(1);

  // Edit the title afterwards.
  await page.getByRole("button", { name: "Edit details" }).click();
  await page.getByLabel("Title").fill("Transit workers back a strike");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Transit workers back a strike" })).toBeVisible();
  expect(await testDb().article.findUniqueOrThrow({ where: { id: articleId } })).toMatchObject({
    title: "Transit workers back a strike",
    version: 2,
  });
  expect(await testDb().auditEvent.count({ where: { objectId: articleId, action: "article.update" } })).toBe(1);

  // Find it in the list by a word of its text.
  await page.goto("/articles");
  await page.getByRole("searchbox", { name: "Search" }).fill("laundry");
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Transit workers back a strike");
  await expect(page.getByTestId("article-count")).toHaveText("1 article");
  await page.screenshot({ path: `${SHOTS}/article-list-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/article-list-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Delete it: gone from the list.
  await rows.first().getByRole("link").click();
  await page.getByRole("button", { name: "Delete article" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await page.getByRole("searchbox", { name: "Search" }).fill("laundry");
  await expect(page.getByText("No article matches.")).toBeVisible();
  await expect(page.getByTestId("article-row")).toHaveCount(0);
  expect((await testDb().article.findUniqueOrThrow({ where: { id: articleId } })).deletedAt).not.toBeNull();
});

test("import a news page by URL: the server fetches it, the metadata is prefilled, the page is kept as the snapshot", async ({
  page,
  context,
  desk,
}) => {
  test.setTimeout(120_000);
  await signInContext(context, desk.reviewer.email);
  await page.goto("/articles/new");
  await page.getByLabel("Fetch a web page").check();
  await page.getByLabel("Page address").fill(server.url("/2023/03/14/council-approves-budget/"));
  await page.getByRole("button", { name: "Fetch page" }).click();
  await expect(page.getByTestId("snapshot-info")).toContainText(server.url("/2023/03/14/council-approves-budget/"));
  await expect(page.getByTestId("preview-text")).toContainText("The Riverside City Council approved a $412 million operating budget");
  await expect(page.getByLabel("Title")).toHaveValue("Council approves $412 million budget after six-hour meeting");
  await expect(page.getByLabel("Author")).toHaveValue("Maria Delgado");
  await expect(page.getByLabel("Outlet")).toHaveValue("Riverside Ledger");
  await expect(page.getByLabel("Published date")).toHaveValue("2023-03-14");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SHOTS}/import-url-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Council approves $412 million budget after six-hour meeting" })).toBeVisible();
  await expect(page.getByTestId("snapshot-link")).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByTestId("snapshot-link").click();
  const file = await (await download).path();
  expect(readFileSync(file).equals(readFileSync(fixture("wp-council-budget")))).toBe(true);
  const articleId = page.url().split("/").pop()!;
  expect(await testDb().articleSnapshot.findFirstOrThrow({ where: { articleId } })).toMatchObject({
    status: 200,
    finalUrl: server.url("/2023/03/14/council-approves-budget/"),
  });
});

test("bulk import: several files at once, each with its own result", async ({ page, context, desk }) => {
  test.setTimeout(120_000);
  await signInContext(context, desk.editor.email);
  await page.goto("/articles/new");
  await page.getByLabel("Upload a file").check();
  await page.locator('input[type="file"]').setInputFiles([
    { name: "drupal-ministry-press.html", mimeType: "text/html", buffer: readFileSync(fixture("drupal-ministry-press")) },
    { name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from("Caf\xe9 au lait", "latin1") },
    { name: "ko-euckr-table-layout.html", mimeType: "text/html", buffer: readFileSync(fixture("ko-euckr-table-layout")) },
  ]);
  await page.getByRole("button", { name: "Import 3 files" }).click();
  const rows = page.getByTestId("bulk-row");
  await expect(rows.nth(0)).toHaveAttribute("data-state", "saved");
  await expect(rows.nth(0)).toContainText("Saved: Government extends energy price support for small businesses");
  await expect(rows.nth(1)).toHaveAttribute("data-state", "failed");
  await expect(rows.nth(1)).toContainText("not UTF-8");
  await expect(rows.nth(2)).toHaveAttribute("data-state", "saved");
  await expect(rows.nth(2)).toContainText("스톨텐베르그 나토 사무총장 방한");
  const saved = await testDb().article.findMany({
    where: { teamId: desk.team.id, sourceRef: { startsWith: "upload:" } },
    orderBy: { createdAt: "asc" },
  });
  expect(saved.map((a) => [a.title, a.outlet])).toEqual([
    ["Government extends energy price support for small businesses", "Ministry of Economic Affairs"],
    ['스톨텐베르그 나토 사무총장 방한…"북한, 러시아에 무기 지원"', "한빛일보"],
  ]);
});
