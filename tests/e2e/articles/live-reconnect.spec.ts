/**
 * Live events after the server refused the stream: EventSource gives up for
 * good on a non-stream answer (a 503 from an overloaded server), so the page
 * reopens it itself after a delay and still hears another reviewer's change.
 */
import { test, expect, makeDesk, signInContext, testDb } from "../../support/fixtures";
import { callAs, signInAt } from "../../support/app-instance";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";

test("a stream refused with 503 is reopened, and another reviewer's change still reaches the open page", async ({
  page,
  context,
  baseURL,
}) => {
  const desk = await makeDesk();
  const claim = await createClaimOnPhrase(testDb(), {
    team: desk.team,
    version: { id: desk.version.id, articleId: desk.article.id, text: desk.text },
    authorId: desk.reviewer.id,
    phrase: "Stoltenberg",
    verdict: "verified",
  });
  await signInContext(context, desk.editor.email);
  // The first stream request is shed as an overloaded server sheds it; later ones reach the server.
  let refused = 0;
  await page.route("**/api/events*", async (route) => {
    if (refused === 0) {
      refused++;
      return route.fulfill({
        status: 503,
        contentType: "application/json",
        headers: { "Retry-After": "1" },
        body: JSON.stringify({ error: "The server is busy. Try again in a moment." }),
      });
    }
    return route.continue();
  });
  const reopened = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/events" && r.status() === 200, { timeout: 15_000 });
  await page.goto(`/articles/${desk.article.id}`);
  const mark = page.locator(`.ProseMirror mark[data-claim-id="${claim.id}"]`);
  await expect(mark).toHaveAttribute("data-verdict", "verified");
  await reopened;
  expect(refused).toBe(1);

  const reviewer = await signInAt(baseURL!, desk.reviewer.email);
  expect(
    (await callAs(baseURL!, reviewer, "PATCH", `/api/claims/${claim.id}`, { version: claim.version, verdict: "disputed" })).status,
  ).toBe(200);
  await expect(mark).toHaveAttribute("data-verdict", "disputed");
});
