/**
 * Every main page works on a phone (390 × 844). No page
 * scrolls sideways (the document is no wider than the viewport), the header
 * collapses into a menu that still reaches notifications and sign-out, the
 * verdict popover lies inside the screen, and the claim panel is a sheet a
 * person opens over the text. Screenshots of each page go to the test's
 * output folder (looked at by hand when the layout changes).
 */
import type { Locator, Page } from "@playwright/test";
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { makePublishableDesk } from "../../support/publishable-desk";
import { makeDecidedRound } from "../../support/decided-round";
import { selectWithMouse } from "../../support/select-text";
import { createEvidenceItem } from "@/seeds/evidence-factories";
import { createArticle } from "@/seeds/factories";

const PHONE = { width: 390, height: 844 };
test.use({ viewport: PHONE, hasTouch: true, isMobile: true });
// Many pages per test, each built from the server: generous on a loaded machine.
test.describe.configure({ timeout: 240_000 });

/**
 * The page's width beyond `width` (the device's), in CSS pixels (0 when
 * nothing scrolls sideways), with the widest culprit named. Measured against
 * the device width, not innerWidth: a mobile browser widens its layout
 * viewport to fit content that is too wide, and innerWidth grows with it.
 */
async function overflow(page: Page, width = page.viewportSize()!.width) {
  return page.evaluate((width) => {
    const extra = Math.max(document.documentElement.scrollWidth, window.innerWidth) - width;
    if (extra <= 0) return { extra: 0, culprit: "" };
    let culprit = "";
    let widest = width;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.right > widest + 0.5 && getComputedStyle(el).position !== "fixed") {
        widest = r.right;
        culprit = `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} (${Math.round(r.right)} px)`;
      }
    }
    return { extra, culprit };
  }, width);
}

async function expectFits(page: Page, name: string) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  expect(await overflow(page), `${name} scrolls sideways`).toEqual({ extra: 0, culprit: "" });
}

/** The box of `selector` lies inside the viewport. */
async function expectOnScreen(page: Page, selector: string) {
  const box = (await page.locator(selector).boundingBox())!;
  expect(box, `${selector} is shown`).not.toBeNull();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
}

test("sign-in, lists, evidence, team, settings, a round and the public page fit a phone; the header menu reaches notifications and sign-out", async ({
  page,
  context,
  browser,
}) => {
  const d = await makePublishableDesk();
  const db = testDb();
  const long = await createEvidenceItem(db, {
    team: d.team,
    title: "A source whose address is one long unbroken run",
    url: `https://archive.example/${"very-long-path-segment-".repeat(12)}end`,
  });
  // A headline long enough that the start-review form's article select, sized by its longest option, ran off the screen.
  const headline = "A headline of the kind outlets write when they want every keyword of the story in it, and then some more";
  await createArticle(db, { team: d.team, text: "A short text for a long headline.", meta: { title: headline } });

  await page.goto("/signin");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expectFits(page, "signin");

  await signInContext(context, d.admin.email);
  await page.goto("/articles");
  await expect(page.getByRole("link", { name: d.article.title! })).toBeVisible();
  await expectFits(page, "articles");

  // The header: the main links and the user's controls sit behind one Menu button.
  const menu = page.getByRole("button", { name: "Menu" });
  await expect(page.getByRole("link", { name: "Sign out" })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute("aria-expanded", "true");
  await expectOnScreen(page, "#topbar-menu");
  await page.screenshot({ path: test.info().outputPath("header-menu.png") });
  await expect(page.getByRole("link", { name: "Sign out" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evidence" }).click();
  await expect(page).toHaveURL(/\/evidence$/);
  await expect(page.getByRole("link", { name: "Sign out" })).toBeHidden();
  await expect(page.getByTestId("evidence-row").first()).toBeVisible();
  await expectFits(page, "evidence-library");

  // Notifications stay in the bar; their panel fits the screen.
  await page.getByTestId("notifications").click();
  await expectOnScreen(page, ".notif-panel");
  await page.keyboard.press("Escape");

  await page.goto(`/evidence/${long.id}`);
  await expect(page.getByRole("heading", { name: long.title })).toBeVisible();
  await expectFits(page, "evidence-item");

  for (const [path, name] of [
    ["/claims", "claims"],
    ["/reviews", "reviews"],
    ["/queue", "queue"],
    ["/team", "team-members"],
    ["/team/settings", "team-settings"],
    ["/team/activity", "team-activity"],
    ["/settings/assistance", "assistance"],
    ["/account", "account"],
    [`/articles/${d.article.id}/versions`, "versions"],
    ["/articles/new", "new-article"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
    if (path === "/reviews") await expect(page.getByRole("option", { name: headline })).toBeAttached();
    await expectFits(page, name);
  }

  // The public fact-check page, for a reader on a phone.
  const res = await page.request.post(`/api/articles/${d.article.id}/publication`, { data: {} });
  expect(res.status()).toBe(200);
  const reader = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const pub = await reader.newPage();
  const url = ((await res.json()) as { url: string }).url;
  expect((await pub.goto(url))?.status()).toBe(200);
  await expectFits(pub, "public-fact-check");
  await reader.close();

  // The HTML report (a download), opened on the phone.
  const report = await page.request.get(`/api/articles/${d.article.id}/report?format=html`);
  expect(report.status()).toBe(200);
  // In a blank page, as a file opened from disk (the app's pages would refuse its inline style by their CSP).
  const file = await context.newPage();
  await file.setContent(await report.text());
  await expect(file.locator("table.claims")).toBeVisible();
  await expectFits(file, "html-report");
  await file.close();

  // Sign out from the menu.
  await page.goto("/articles");
  await page.getByRole("button", { name: "Menu" }).click();
  await page.getByRole("link", { name: "Sign out" }).click();
  await expectFits(page, "signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  expect((await context.request.get("/api/notifications")).status()).toBe(401);
});

test("on a phone: a review round fits; tag a claim from the verdict popover inside the screen and read it in the claim sheet", async ({
  page,
  context,
  desk,
}) => {
  const round = await makeDecidedRound();
  await signInContext(context, round.editor.email);
  await page.goto(`/reviews/${round.round.id}`);
  await expect(page.locator("main h1").first()).toBeVisible();
  await expectFits(page, "review-round");
  // The lists that hold the round read as cards: each row a block, each value after its column's name.
  const labelOf = (cell: Locator) => cell.evaluate((td) => getComputedStyle(td, "::before").content);
  await page.goto("/reviews");
  const rounds = page.getByTestId("round-list");
  await expect(rounds.getByRole("link", { name: round.article.title! })).toBeVisible();
  await expectFits(page, "reviews-with-a-round");
  await expect(rounds.locator("thead")).toBeHidden();
  expect(await labelOf(rounds.locator('td[data-label="Adjudicator"]'))).toBe('"Adjudicator: "');
  await expect(rounds.locator('td[data-label="Adjudicator"]')).toContainText(round.editor.name);
  await context.clearCookies();
  await signInContext(context, round.reviewer1.email);
  await page.goto("/queue");
  const queue = page.getByTestId("queue");
  await expect(queue.getByRole("link", { name: round.article.title! })).toBeVisible();
  await expectFits(page, "queue-with-a-round");
  expect(await labelOf(queue.locator('td[data-label="My review"]'))).toBe('"My review: "');
  await context.clearCookies();
  await signInContext(context, round.editor.email);

  await page.goto(`/articles/${round.article.id}`);
  await expect(page.locator(".article-viewer .ProseMirror")).toBeVisible();
  await expectFits(page, "article-in-review");

  await context.clearCookies();
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.locator(".article-viewer .ProseMirror")).toBeVisible();
  await expectFits(page, "article");

  const phrase = "NATO Secretary-General Jens Stoltenberg";
  await selectWithMouse(page, phrase);
  const popover = page.getByRole("dialog", { name: "Tag the selected claim" });
  await expect(popover).toBeVisible();
  await expectOnScreen(page, ".verdict-popover");
  await page.screenshot({ path: test.info().outputPath("verdict-popover.png") });
  expect((await overflow(page)).extra).toBe(0);
  await popover.getByRole("button", { name: "Verified", exact: true }).click();

  // The claim panel is a sheet: it opens over the text with the new claim, and closes again.
  const sheet = page.getByRole("dialog", { name: "Claims" });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId("claim-card").filter({ hasText: phrase })).toBeVisible();
  await expectOnScreen(page, ".claim-sheet");
  await page.screenshot({ path: test.info().outputPath("claim-sheet.png") });
  await expect.poll(() => testDb().annotation.count({ where: { articleId: desk.article.id, exact: phrase } })).toBe(1);
  await sheet.getByRole("button", { name: "Close" }).click();
  await expect(sheet).toBeHidden();
  await page.getByRole("button", { name: /^Claims/ }).click();
  await expect(sheet).toBeVisible();
  expect((await overflow(page)).extra).toBe(0);
});

test.describe("tablet", () => {
  test.use({ viewport: { width: 768, height: 1024 }, isMobile: false, hasTouch: false });
  test("on a tablet (768 × 1024) the lists, the article with its claim sheet and a round fit the width", async ({ page, context }) => {
    const round = await makeDecidedRound();
    await page.setViewportSize({ width: 768, height: 1024 });
    await signInContext(context, round.editor.email);
    for (const [path, name] of [
      ["/articles", "tablet-articles"],
      [`/articles/${round.article.id}`, "tablet-article"],
      [`/reviews/${round.round.id}`, "tablet-round"],
      ["/evidence", "tablet-evidence"],
    ] as const) {
      await page.goto(path);
      await expect(page.locator("h1").first()).toBeVisible();
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
      expect(await overflow(page), name).toEqual({ extra: 0, culprit: "" });
    }
    await page.goto(`/articles/${round.article.id}`);
    await page.getByRole("button", { name: /^Claims/ }).click();
    await expect(page.getByRole("dialog", { name: "Claims" })).toBeVisible();
  });
});
