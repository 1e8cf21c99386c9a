import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { test, expect, signInContext, testDb } from "../../support/fixtures";

/**
 * A page of another origin on the same host (another port of 127.0.0.1: the
 * same *site*, so the browser sends the app's SameSite=Lax cookies along)
 * tries every request a page may send without CORS: a text/plain form post
 * whose body is JSON, a urlencoded form post, a `no-cors` fetch and
 * `sendBeacon`, plus a form post to next-auth's sign-out.
 */
function attackPage(app: string, articleId: string, versionId: string) {
  const claims = `${app}/api/articles/${articleId}/claims`;
  const body = (i: number) => JSON.stringify({ versionId, start: i * 10, end: i * 10 + 4, verdict: "verified" });
  const json = body(0).slice(0, -1);
  return `<!doctype html><html><body>
<iframe name="sink1"></iframe><iframe name="sink2"></iframe><iframe name="sink3"></iframe>
<form id="plain" method="POST" action="${claims}" enctype="text/plain" target="sink1"><input name='${json},"pad":"' value='"}'></form>
<form id="urlencoded" method="POST" action="${claims}" target="sink2"><input name="versionId" value="${versionId}"><input name="start" value="20"><input name="end" value="24"><input name="verdict" value="verified"></form>
<form id="signout" method="POST" action="${app}/api/auth/signout" target="sink3"><input name="callbackUrl" value="/"></form>
<script>
  document.getElementById("plain").submit();
  document.getElementById("urlencoded").submit();
  document.getElementById("signout").submit();
  fetch(${JSON.stringify(claims)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain" }, body: ${JSON.stringify(body(3))} });
  navigator.sendBeacon(${JSON.stringify(claims)}, ${JSON.stringify(body(4))});
</script></body></html>`;
}

let server: Server;
let attacker = "";
let html = "";

test.beforeAll(async () => {
  server = createServer((_, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(html));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  attacker = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("a page on another port of the same host changes nothing for the signed-in user", async ({ page, context, desk }) => {
  const app = new URL(test.info().project.use.baseURL!).origin;
  expect(new URL(attacker).hostname).toBe(new URL(app).hostname);
  await signInContext(context, desk.editor.email);
  const sv = (await testDb().user.findUniqueOrThrow({ where: { id: desk.editor.id } })).sessionVersion;
  html = attackPage(app, desk.article.id, desk.version.id);

  // Five requests leave the page: three form posts, the fetch and the beacon. Wait until each has an answer.
  const answers: { url: string; status: number; type: string }[] = [];
  page.on("response", (r) => {
    if (r.url().startsWith(app)) answers.push({ url: r.url(), status: r.status(), type: r.request().headers()["content-type"] ?? "" });
  });
  await page.goto(attacker);
  await expect.poll(() => answers.length, { timeout: 15_000 }).toBeGreaterThanOrEqual(5);

  const toClaims = answers.filter((a) => a.url.endsWith("/claims"));
  expect(toClaims.map((a) => a.type.split(";")[0]).sort()).toEqual([
    "application/x-www-form-urlencoded",
    "text/plain",
    "text/plain",
    "text/plain",
  ]);
  expect(toClaims.map((a) => a.status)).toEqual([403, 403, 403, 403]);
  expect(answers.find((a) => a.url.includes("/api/auth/signout"))?.status).toBe(403);
  // Nothing was written, and the user is still signed in, with the same session.
  expect(await testDb().annotation.count({ where: { articleId: desk.article.id } })).toBe(0);
  expect(await testDb().auditEvent.count({ where: { teamId: desk.team.id, action: { startsWith: "claim." } } })).toBe(0);
  expect((await context.request.get("/api/team")).status()).toBe(200);
  expect((await testDb().user.findUniqueOrThrow({ where: { id: desk.editor.id } })).sessionVersion).toBe(sv);
});

test("the app's own pages still write: the same create from the app's origin succeeds", async ({ page, context, desk }) => {
  await signInContext(context, desk.editor.email);
  await page.goto("/articles");
  const status = await page.evaluate(
    async ({ url, body }) => (await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body })).status,
    {
      url: `/api/articles/${desk.article.id}/claims`,
      body: JSON.stringify({ versionId: desk.version.id, start: 0, end: 4, verdict: "verified" }),
    },
  );
  expect(status).toBe(201);
  expect(await testDb().annotation.count({ where: { articleId: desk.article.id } })).toBe(1);
});
