/**
 * An article with more claims than one page of GET /api/articles/{id}/claims
 * shows every claim: the server renders them all into the page, and when the
 * workspace reads the list again (a round starting changes who sees what) it
 * fetches the other pages in parallel. Runs against its own server with a
 * page of 3 claims, so a few claims are enough.
 */
import { test, expect, makeDesk, testDb } from "../../support/fixtures";
import { callAs, freePort, signInAt, startAppInstance, type AppInstance } from "../../support/app-instance";

let app: AppInstance;

test.beforeAll(async () => {
  app = await startAppInstance(await freePort(3500 + Number(process.env.CLAIMDESK_TEST_SLOT ?? 0) * 10), process.env.DATABASE_URL!, {
    CLAIMDESK_CLAIMS_PAGE_SIZE: "3",
  });
});
test.afterAll(async () => {
  await app?.stop();
});

test("an article of 8 claims in pages of 3 shows all 8 highlights and cards from the server, and reads them again in 3 requests", async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  const desk = await makeDesk();
  const words = ["Stoltenberg", "Seoul", "Tokyo", "Korea", "Japan", "China", "Russia", "Ukraine"].filter((w) => desk.text.includes(w));
  const rows = words.slice(0, 8).map((w, i) => {
    const start = [...desk.text.slice(0, desk.text.indexOf(w))].length;
    return {
      teamId: desk.team.id,
      articleId: desk.article.id,
      versionId: desk.version.id,
      authorId: desk.reviewer.id,
      start,
      end: start + w.length,
      exact: w,
      prefix: "",
      suffix: "",
      verdict: (["verified", "disputed", "unsourced"] as const)[i % 3],
    };
  });
  expect(rows).toHaveLength(8);
  await testDb().annotation.createMany({ data: rows });

  const editor = await signInAt(app.url, desk.editor.email);
  const [name, value] = editor.split(/=(.*)/s);
  await context.addCookies([{ name: name!, value: value!, url: app.url }]);
  const claimRequests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes(`/api/articles/${desk.article.id}/claims`)) claimRequests.push(new URL(r.url()).search);
  });
  const stream = page.waitForResponse((r) => r.url().includes("/api/events") && r.status() === 200);
  await page.goto(`${app.url}/articles/${desk.article.id}`);
  await stream;
  await expect(page.getByTestId("claim-card")).toHaveCount(8);
  const marked = async () =>
    page.locator(".ProseMirror mark[data-claim-id]").evaluateAll((ms) => new Set(ms.map((m) => m.getAttribute("data-claim-id"))).size);
  expect(await marked()).toBe(8);
  expect(claimRequests).toEqual([]);

  // The editor starts a round (for the reviewer): the page reads the list again, the first page then the other two.
  const started = await callAs(app.url, editor, "POST", "/api/reviews", {
    articleId: desk.article.id,
    reviewerIds: [desk.reviewer.id],
    adjudicatorId: desk.editor.id,
  });
  expect(started.status).toBe(201);
  await expect.poll(() => claimRequests.length).toBe(3);
  expect(claimRequests.sort()).toEqual(["", "?page=2", "?page=3"]);
  await expect(page.getByTestId("claim-card")).toHaveCount(8);
  expect(await marked()).toBe(8);
});
