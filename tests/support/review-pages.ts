/**
 * Browser helpers for the team-review specs: one signed-in page per person
 * (each in its own context, so sessions never mix) and the round page's
 * cluster cards by kind.
 */
import type { Browser, Page, Request } from "@playwright/test";
import { expect, signInContext } from "./fixtures";

/** A page in a fresh browser context signed in as `email`. */
export async function personPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  await signInContext(context, email);
  return context.newPage();
}

/** The cluster cards of one kind (agreed, boundary_only, verdict_conflict, single_reviewer) on a round page. */
export const clusterCard = (page: Page, kind: string) => page.locator(`[data-testid="cluster-card"][data-kind="${kind}"]`);

/**
 * Opens `path` and resolves once the page's live-event stream (/api/events)
 * has answered, so events raised from now on reach this page.
 */
export async function gotoLive(page: Page, path: string) {
  const stream = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/events" && r.status() === 200);
  await page.goto(path);
  await stream;
}

/**
 * Opens an article page live and resolves once its final claims are known:
 * in the first response (the server rendered them), or read right after it
 * painted (an article whose final claims are all editors' own annotations),
 * so a missing Outcome tab means something.
 */
export async function openArticleSettled(page: Page, articleId: string) {
  const reads: Promise<unknown>[] = [];
  const onRequest = (r: Request) => {
    if (new URL(r.url()).pathname === `/api/articles/${articleId}/final-claims`) reads.push(r.response());
  };
  page.on("request", onRequest);
  try {
    await gotoLive(page, `/articles/${articleId}`);
    await expect(page.locator(".article-viewer .ProseMirror")).toBeVisible();
    await Promise.all(reads);
  } finally {
    page.off("request", onRequest);
  }
}
