import type { Page } from "@playwright/test";
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { selectWithMouse } from "../../support/select-text";

/**
 * Records every CSP violation a page reports, from the page itself
 * (`securitypolicyviolation` events, on every document) and from the console
 * (where Chromium also reports blocked inline styles and scripts).
 */
async function watchViolations(page: Page) {
  const seen: string[] = [];
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`),
    );
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (apply|execute|load|connect|frame)/i.test(m.text())) seen.push(m.text());
  });
  page.on("pageerror", (e) => seen.push(`pageerror: ${e.message}`));
  return async () => [...seen, ...(await page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []))];
}

test("the main pages, the article viewer and both editors run under the nonce CSP with no violation", async ({ page, desk }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);

  const signin = await page.goto("/signin");
  const csp = signin!.headers()["content-security-policy"]!;
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  expect(csp).toContain("frame-ancestors 'none'");
  // The nonce is fresh for each response, and Next.js put it on its own scripts.
  const again = (await page.request.get("/signin")).headers()["content-security-policy"];
  expect(again).not.toBe(csp);
  const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
  expect(await page.locator(`script[nonce]`).count()).toBeGreaterThan(0);
  expect(await page.evaluate(() => [...document.scripts].every((s) => s.nonce !== ""))).toBe(true);
  expect(await page.evaluate(() => document.scripts[0]!.nonce)).toBe(nonce);

  // Signing in through the form runs React's handlers.
  await page.getByLabel("E-mail").fill(desk.editor.email);
  await page.getByLabel("Password").fill("claimdesk");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByTestId("article-row")).toHaveCount(1);

  // The viewer, tagging, and the rationale editor (tiptap): its injected style tag carries the nonce and applies.
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, "hundreds of tanks, fighter jets");
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  const rationale = page.getByRole("textbox", { name: "Rationale" });
  await rationale.click();
  await page.keyboard.type("Typed under a strict CSP.");
  await page.getByRole("button", { name: "Save rationale" }).click();
  await expect(page.getByTestId("claim-rationale")).toContainText("strict CSP");
  expect(await page.evaluate(() => (document.querySelector("style[data-tiptap-style]") as HTMLStyleElement | null)?.nonce)).toBeTruthy();
  // tiptap's base CSS applied (`white-space: break-spaces` is its rule; a blocked style tag leaves "normal").
  expect(await page.locator(".article-viewer .ProseMirror").evaluate((el) => getComputedStyle(el).whiteSpace)).toBe("break-spaces");
  await expect
    .poll(async () => (await testDb().annotation.findFirst({ where: { articleId: desk.article.id } }))?.rationaleHtml)
    .toContain("strict CSP");

  // The correction editor (tiptap, plain text), and the other pages.
  await page.goto(`/articles/${desk.article.id}/correct`);
  await expect(page.getByTestId("correction-editor").locator(".ProseMirror")).toContainText("NATO");
  for (const path of [`/articles/${desk.article.id}/versions`, "/evidence", "/reviews", "/queue"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    expect(res?.headers()["content-security-policy"], path).toContain("'strict-dynamic'");
    await expect(page.locator("main.page")).toBeVisible();
  }
  expect(await violations()).toEqual([]);
});

test("a page of another origin cannot frame the app", async ({ page, context, desk }) => {
  await signInContext(context, desk.editor.email);
  // The API's answers refuse framing too, not only the pages.
  const api = await page.request.get("/api/team");
  expect(api.headers()["x-frame-options"]).toBe("DENY");
  expect(api.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  // A page of another origin (localhost instead of 127.0.0.1) frames the signed-in app.
  const base = new URL(test.info().project.use.baseURL!);
  await page.goto(`http://localhost:${base.port}/api/ping`);
  await page.setContent(`<iframe id="f" src="${base.origin}/articles" style="width:800px;height:600px"></iframe>`);
  // Chromium replaces a refused frame with its error page; the app would otherwise show the articles there.
  await expect
    .poll(
      () =>
        page
          .frames()
          .find((f) => f !== page.mainFrame())
          ?.url() ?? "",
    )
    .toMatch(/^chrome-error:/);
  await expect(page.frameLocator("#f").getByTestId("article-row")).toHaveCount(0);
});
