/**
 * Browser helpers for the team-review specs: one signed-in page per person
 * (each in its own context, so sessions never mix) and the round page's
 * cluster cards by kind.
 */
import type { Browser, Page } from "@playwright/test";
import { signInContext } from "./fixtures";

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
