/**
 * An article by keyboard alone: the skip link is the first thing Tab
 * reaches and moves the focus to the page's main content; Tab walks an
 * article's highlights once each, in text order (a nested claim after the
 * claim around it), each named by its verdict and its opening words; Enter
 * opens the claim (its card becomes the current one) and the focus stays on
 * the highlight, so Tab goes on to the next claim.
 */
import type { Page } from "@playwright/test";
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";

const FIRST = "NATO Secretary-General Jens Stoltenberg begins a visit to Asia";
const SECOND = "NATO wants to create a new Cold War in Asia";
const OUTER = "hundreds of tanks, fighter jets and weapons to NATO member Poland";
const INNER = "fighter jets";

/** What has the focus: its claim id (if a highlight), its accessible name as Playwright reads it, and its tag. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { claim: el?.getAttribute("data-claim-id") ?? null, label: el?.getAttribute("aria-label") ?? null, tag: el?.tagName ?? null };
  });

test("Tab walks the highlights in text order with names that say the verdict; Enter opens the claim", async ({ page, context, desk }) => {
  const db = testDb();
  const claim = (phrase: string, verdict: "verified" | "disputed" | "unsourced") =>
    createClaimOnPhrase(db, {
      team: desk.team,
      version: { ...desk.version, articleId: desk.article.id },
      authorId: desk.editor.id,
      phrase,
      verdict,
    });
  // Made out of text order: the focus order must come from the text, not from when claims were made.
  const inner = await claim(INNER, "verified");
  const second = await claim(SECOND, "unsourced");
  const outer = await claim(OUTER, "disputed");
  const first = await claim(FIRST, "verified");

  await signInContext(context, desk.editor.email);
  await page.goto(`/articles/${desk.article.id}`);
  const text = page.getByRole("article", { name: "Article text" });
  await expect(text.locator("mark[tabindex]")).toHaveCount(4);

  // The skip link comes first and lands on the main content.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();

  // From the article text, Tab reaches each claim once, in text order.
  await text.focus();
  const expected = [
    [first.id, `Verified claim: “${FIRST}”`],
    [second.id, `Unsourced claim: “${SECOND}”`],
    [outer.id, "Disputed claim: “hundreds of tanks,”"],
    [inner.id, `Verified claim: “${INNER}”`],
  ] as const;
  for (const [id, name] of expected) {
    await page.keyboard.press("Tab");
    expect(await focused(page)).toEqual({ claim: id, label: name, tag: "MARK" });
    await expect(page.getByRole("button", { name, exact: true })).toBeFocused();
  }

  // Back to the outer claim; Enter opens it, and the focus stays with it through the redraw.
  await page.keyboard.press("Shift+Tab");
  expect((await focused(page)).claim).toBe(outer.id);
  await page.keyboard.press("Enter");
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${outer.id}"]`)).toHaveAttribute("aria-current", "true");
  await expect(text.locator(`mark[data-claim-id="${outer.id}"].is-selected`).first()).toBeVisible();
  expect((await focused(page)).claim).toBe(outer.id);
  // Space opens a claim too, and Tab goes on from where the focus is.
  await page.keyboard.press("Tab");
  expect((await focused(page)).claim).toBe(inner.id);
  await page.keyboard.press(" ");
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${inner.id}"]`)).toHaveAttribute("aria-current", "true");
  expect((await focused(page)).claim).toBe(inner.id);

  // The claim card's button says the verdict too.
  await expect(page.getByRole("button", { name: /^Claim 3: Disputed, .*, show in the text$/ })).toBeVisible();
});

test("the skip link is the first stop on a page outside the desk too", async ({ page, desk }) => {
  expect(desk.editor.email).toBeTruthy(); // a user exists, so /signin does not send us to first-run setup
  await page.goto("/signin");
  // The form puts the caret in the e-mail field; the skip link still comes first in the tab order.
  const firstTabStop = await page.evaluate(() => {
    const el = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")].find(
      (e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled,
    );
    return el?.textContent;
  });
  expect(firstTabStop).toBe("Skip to content");
  await page.getByRole("link", { name: "Skip to content" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});
