/**
 * Speed at desk scale, in the browser:
 * - opening: the article page's first HTML response holds the text and the
 *   viewer's highlights (blind review applied), the page shows them with
 *   JavaScript disabled, and with JavaScript it asks the API for nothing
 *   before they are visible nor afterwards for what it was given;
 * - live updates: another reviewer's edit, new claim and delete cost an open page
 *   at most one request each (the changed claim), and never the article
 *   text or the claims list; the viewer's own save costs its one request.
 */
import type { Page } from "@playwright/test";
import { test, expect, makeDesk, signInContext, testDb } from "../../support/fixtures";
import { callAs, signInAt } from "../../support/app-instance";
import { createClaimOnPhrase, findPhrase } from "@/seeds/evidence-factories";
import { annotateInRound, deskRound } from "@/seeds/review-factories";
import { createUser } from "@/seeds/factories";

/** A desk whose article has two claims by its reviewer outside rounds. */
async function deskWithClaims() {
  const desk = await makeDesk();
  const db = testDb();
  const version = { id: desk.version.id, articleId: desk.article.id, text: desk.text };
  const first = await createClaimOnPhrase(db, {
    team: desk.team,
    version,
    authorId: desk.reviewer.id,
    phrase: "Stoltenberg",
    verdict: "verified",
  });
  const second = await createClaimOnPhrase(db, {
    team: desk.team,
    version,
    authorId: desk.reviewer.id,
    phrase: "Seoul",
    verdict: "unsourced",
  });
  return { ...desk, versionRef: version, claims: [first, second] };
}

/**
 * The API requests a page makes from now on, but the event stream and the
 * claim assistance's suggestions (read after paint, in parallel, by design:
 * an analysis the first response does not wait for).
 */
function apiRequests(page: Page) {
  const seen: string[] = [];
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/api/") && u.pathname !== "/api/events" && !u.pathname.endsWith("/suggestions"))
      seen.push(`${r.method()} ${u.pathname}${u.search}`);
  });
  return seen;
}

/** Opens the article and waits until its event stream is connected (its first bytes arrived). */
async function openLive(page: Page, articleId: string) {
  const stream = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/events" && r.status() === 200);
  await page.goto(`/articles/${articleId}`);
  await stream;
  await expect(page.locator(".ProseMirror mark[data-claim-id]").first()).toBeVisible();
}

test("the first HTML response holds the text and the viewer's highlights, and the page asks for none of it again", async ({
  page,
  context,
  browser,
}) => {
  const desk = await deskWithClaims();
  const db = testDb();
  // A blind round: the reviewer has a draft of their own, and a co-reviewer's draft is hidden from them (so is the earlier work).
  const other = await createUser(db, { team: desk.team, role: "reviewer" });
  const round = await deskRound(db, { team: desk.team, version: desk.versionRef, editor: desk.editor, reviewers: [desk.reviewer, other] });
  const own = await annotateInRound(db, {
    team: desk.team,
    roundId: round.id,
    version: desk.versionRef,
    authorId: desk.reviewer.id,
    phrase: "Tokyo",
    verdict: "disputed",
  });
  const hidden = await annotateInRound(db, {
    team: desk.team,
    roundId: round.id,
    version: desk.versionRef,
    authorId: other.id,
    phrase: "Korea",
    verdict: "verified",
  });

  await signInContext(context, desk.reviewer.email);
  // The HTML alone: the text, the reviewer's own draft highlighted, nothing of the co-reviewer's.
  const html = await (await context.request.get(`/articles/${desk.article.id}`)).text();
  expect(html).toContain(`data-claim-id="${own.id}"`);
  expect(html).toContain(/[A-Za-z ,.]{40}/.exec(desk.text)![0]);
  expect(html).not.toContain(hidden.id);
  for (const c of desk.claims) expect(html).not.toContain(c.id);

  // Without JavaScript: the server's rendering is the page.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const plain = await noJs.newPage();
  await plain.goto(`/articles/${desk.article.id}`);
  await expect(plain.locator(`mark[data-claim-id="${own.id}"]`)).toHaveClass(/\bclaim-hl--disputed\b/);
  await expect(plain.getByText("Loading article…")).toHaveCount(0);
  await noJs.close();

  // With JavaScript: the time the highlight was first in the document, against every API request's start.
  await page.addInitScript(`
    new MutationObserver((_, o) => {
      if (document.querySelector('mark[data-claim-id]')) { window.__highlightsAt = performance.now(); o.disconnect(); }
    }).observe(document, { subtree: true, childList: true });
  `);
  const requests = apiRequests(page);
  await page.goto(`/articles/${desk.article.id}`);
  // The editor mounts after the page has hydrated and its queries have mounted (and would have fetched).
  await expect(page.locator(`.ProseMirror mark[data-claim-id="${own.id}"]`)).toBeVisible();
  const timing = await page.evaluate(() => ({
    highlightsAt: (window as unknown as { __highlightsAt?: number }).__highlightsAt ?? null,
    api: performance
      .getEntriesByType("resource")
      .filter((e) => new URL(e.name).pathname.startsWith("/api/"))
      .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
  }));
  expect(timing.highlightsAt).not.toBeNull();
  for (const r of timing.api)
    expect(r.start, `${r.path} was requested before the highlights were visible`).toBeGreaterThan(timing.highlightsAt!);
  // The page was given its article, claims, final claims, round and notifications: it asks for none of them
  // (what it still needs, such as the claims' discussion counts, it reads after paint).
  const a = `/api/articles/${desk.article.id}`;
  const given = [a, `${a}/claims`, `${a}/final-claims`, `${a}/round`, "/api/notifications"];
  expect(requests.filter((r) => given.includes(r.split(" ")[1]!.split("?")[0]!))).toEqual([]);
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
});

test("another reviewer's edit, new claim and delete cost an open page one claim's request each, never the text or the list", async ({
  page,
  context,
  baseURL,
}) => {
  const desk = await deskWithClaims();
  const [edited] = desk.claims;
  await signInContext(context, desk.editor.email);
  await openLive(page, desk.article.id);
  await expect(page.locator(".ProseMirror mark[data-claim-id]")).toHaveCount(2);
  const requests = apiRequests(page);
  const reviewer = await signInAt(baseURL!, desk.reviewer.email);

  // An edit: the highlight changes colour after one read of that claim.
  expect(
    (await callAs(baseURL!, reviewer, "PATCH", `/api/claims/${edited!.id}`, { version: edited!.version, verdict: "disputed" })).status,
  ).toBe(200);
  await expect(page.locator(`.ProseMirror mark[data-claim-id="${edited!.id}"]`)).toHaveAttribute("data-verdict", "disputed");
  expect(requests).toEqual([`GET /api/claims/${edited!.id}`]);

  // A new claim: one read of it.
  const created = await callAs<{ id: string; version: number }>(baseURL!, reviewer, "POST", `/api/articles/${desk.article.id}/claims`, {
    versionId: desk.version.id,
    ...findPhrase(desk.text, "Tokyo"),
    verdict: "unsourced",
  });
  expect(created.status).toBe(201);
  await expect(page.locator(`.ProseMirror mark[data-claim-id="${created.body.id}"]`)).toHaveAttribute("data-verdict", "unsourced");
  await expect(page.getByTestId("claim-card")).toHaveCount(3);
  expect(requests).toEqual([`GET /api/claims/${edited!.id}`, `GET /api/claims/${created.body.id}`]);

  // A delete: nothing to read.
  expect((await callAs(baseURL!, reviewer, "DELETE", `/api/claims/${created.body.id}?version=${created.body.version}`)).status).toBe(200);
  await expect(page.locator(`.ProseMirror mark[data-claim-id="${created.body.id}"]`)).toHaveCount(0);
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  expect(requests).toEqual([`GET /api/claims/${edited!.id}`, `GET /api/claims/${created.body.id}`]);

  // The editor's own save: the server's answer goes into the list; its event (the same version) costs nothing.
  const evidence = page.waitForResponse((r) => r.url().endsWith(`/api/claims/${edited!.id}/evidence`));
  await page
    .locator(`[data-testid=claim-card][data-claim-id="${edited!.id}"]`)
    .getByRole("button", { name: /^Claim \d+:/ })
    .click();
  await evidence;
  requests.length = 0;
  await page.locator(`[data-testid=claim-card][data-claim-id="${edited!.id}"]`).getByRole("button", { name: "Verified" }).click();
  await expect(page.locator(`.ProseMirror mark[data-claim-id="${edited!.id}"]`)).toHaveAttribute("data-verdict", "verified");
  // A later remote change, once applied, shows that the own save's event came and went (events arrive in order).
  const [, other] = desk.claims;
  expect(
    (await callAs(baseURL!, reviewer, "PATCH", `/api/claims/${other!.id}`, { version: other!.version, verdict: "disputed" })).status,
  ).toBe(200);
  await expect(page.locator(`.ProseMirror mark[data-claim-id="${other!.id}"]`)).toHaveAttribute("data-verdict", "disputed");
  expect(requests).toEqual([`PATCH /api/claims/${edited!.id}`, `GET /api/claims/${other!.id}`]);
});
