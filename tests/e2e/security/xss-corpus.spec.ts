/**
 * The XSS corpus through every text input people fill in: article metadata
 * and text, claim rationale and speaker, evidence title, publisher, author,
 * quote and pinpoint, comments, a member's name and a correction's reason.
 * Stored through the real API, then opened in Chromium: the article page,
 * the library, the claim search, the article list and the team's activity,
 * and the downloaded HTML report opened from disk (no server headers protect
 * it, only the escaping). The JSON and text exports are checked for the
 * headers that keep a browser from rendering them as a page.
 *
 * A payload that ran would open a dialog (`alert`); one that reached the DOM
 * as markup but was stopped by the page's CSP would fire a
 * `securitypolicyviolation` event, which counts as a failure too (the CSP is a
 * second line, not the escaping); every payload element carries `data-xss`,
 * so one that survived as an element is found by selector. A control page
 * that does not escape shows that the detectors fire.
 */
import { pathToFileURL } from "node:url";
import { writeFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { test, expect, makeDesk, signInContext } from "../../support/fixtures";
import { findPhrase } from "@/seeds/evidence-factories";

test.describe.configure({ timeout: 180_000 });

/** Classic payloads and filter evasions (OWASP's cheat sheet families), each marked and each calling alert(n). */
const CORPUS = [
  `<script data-xss>alert(1)</script>`,
  `<img data-xss src=x onerror=alert(2)>`,
  `<svg data-xss onload=alert(3)>`,
  `"><img data-xss src=x onerror=alert(4)>`,
  `'><svg data-xss/onload=alert(5)>`,
  `<a data-xss href="javascript:alert(6)">link six</a>`,
  `<iframe data-xss srcdoc="<script>parent.alert(7)</script>"></iframe>`,
  `<details data-xss open ontoggle=alert(8)>`,
  `<input data-xss autofocus onfocus=alert(9)>`,
  `<math><mtext><table><mglyph><style><img data-xss src=x onerror=alert(10)>`,
  `<noscript><p title="</noscript><img data-xss src=x onerror=alert(11)>">`,
  `<object data-xss data="javascript:alert(12)"></object>`,
  `<embed data-xss src="javascript:alert(13)">`,
  `<form data-xss action="javascript:alert(14)"><button>x</button></form>`,
  `]]><script data-xss>alert(15)</script>`,
  `</title><script data-xss>alert(16)</script>`,
  `</textarea><script data-xss>alert(17)</script>`,
  `</script><script data-xss>alert(18)</script>`,
  `\u2028\u2029<script data-xss>alert(19)</script>`,
  `<img data-xss src=x:x onerror=alert&#40;20&#41;>`,
  `<a data-xss href="&#106;avascript:alert(21)">link twenty-one</a>`,
  `<svg><animate data-xss onbegin=alert(22) attributeName=x dur=1s>`,
  `<video data-xss><source onerror=alert(23)></video>`,
  `<body data-xss onload=alert(24)>`,
  `{{constructor.constructor('alert(25)')()}}`,
  `<style data-xss>*{background:url("javascript:alert(26)")}</style>`,
  `<x data-xss contenteditable onfocus=alert(27) autofocus>`,
  `<!--<img data-xss src="--><img data-xss src=x onerror=alert(28)//">`,
];

const api = (res: { status(): number; text(): Promise<string> }, what: string) => async () => {
  expect(res.status(), `${what}: ${await res.text()}`).toBeLessThan(300);
};

/** Records dialogs and CSP violations on every page of the context, from before any script runs. */
async function watch(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.sample}`));
  });
  return dialogs;
}

/** Nothing ran, nothing was blocked from running, and no payload survived as an element or a script URL. */
async function expectInert(page: Page, dialogs: string[], where: string) {
  await page.waitForLoadState("load");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(dialogs, `${where}: dialogs opened by payloads`).toEqual([]);
  const violations = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  expect(
    violations.filter((v) => v.startsWith("script-src")),
    `${where}: payload markup the CSP had to stop`,
  ).toEqual([]);
  const survivors = await page.evaluate(() =>
    [
      ...document.querySelectorAll(
        '[data-xss], a[href^="javascript:" i], iframe[srcdoc], object[data^="javascript:" i], embed[src^="javascript:" i]',
      ),
    ].map((e) => e.outerHTML.slice(0, 80)),
  );
  expect(survivors, `${where}: payload elements in the DOM`).toEqual([]);
}

test("the XSS corpus in every text input runs nowhere: the app's pages, the HTML report opened from disk, and the exports' headers", async ({
  page,
  context,
}) => {
  const desk = await makeDesk();
  await signInContext(context, desk.editor.email);
  const req = context.request;
  const dialogs = await watch(page);

  // An article whose metadata and text are payloads.
  const text = ["The NATO chief visited Seoul and Tokyo in January 2023.", ...CORPUS.map((p, i) => `Paragraph ${i + 1}: ${p}`)].join(
    "\n\n",
  );
  const created = await req.post("/api/articles", { data: { text, title: `Article ${CORPUS[1]}`, outlet: CORPUS[2], author: CORPUS[3] } });
  await api(created, "create article")();
  const article = (await created.json()) as { id: string; currentVersion?: { id: string; text: string } };
  const full = (await (await req.get(`/api/articles/${article.id}`)).json()) as { currentVersion: { id: string; text: string } };
  const version = full.currentVersion;

  // One claim per payload, on its own paragraph, with the payload as rationale and speaker, evidence and a comment.
  for (const [i, payload] of CORPUS.entries()) {
    // The label alone: a payload that starts with a line separator becomes a paragraph of its own.
    const span = findPhrase(version.text, `Paragraph ${i + 1}:`);
    const claim = await req.post(`/api/articles/${article.id}/claims`, {
      data: {
        versionId: version.id,
        start: span.start,
        end: span.end,
        verdict: "disputed",
        rationale: `<p>Because ${payload}</p>`,
        speaker: payload.slice(0, 200),
      },
    });
    await api(claim, `claim ${i + 1}`)();
    const { id } = (await claim.json()) as { id: string };
    const linked = await req.post(`/api/claims/${id}/evidence`, {
      data: {
        evidence: {
          kind: "web_source",
          title: payload,
          publisher: payload.slice(0, 200),
          author: payload.slice(0, 200),
          quote: payload,
          url: `https://example.org/?q=${encodeURIComponent(payload)}`,
        },
        stance: "contradicts",
        pinpoint: payload.slice(0, 200),
      },
    });
    await api(linked, `evidence ${i + 1}`)();
    await api(await req.post("/api/comments", { data: { annotationId: id, body: `<p>Note ${payload}</p>` } }), `comment ${i + 1}`)();
  }
  await api(await req.patch("/api/account", { data: { name: `Eve ${CORPUS[4]}`.slice(0, 120) } }), "display name")();

  // The app's pages.
  for (const path of [`/articles/${article.id}`, "/articles", "/evidence", "/claims", "/team/activity"]) {
    await page.goto(path);
    await expectInert(page, dialogs, path);
  }
  // The article page shows the payloads as text a reader can see.
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId("claim-card").first()).toBeVisible();
  await expect(page.locator("body")).toContainText("<script data-xss>alert(1)</script>");
  await expectInert(page, dialogs, "the article page after its cards rendered");

  // The HTML report, opened from disk as a reader would.
  const html = await req.get(`/api/articles/${article.id}/report?format=html`);
  expect(html.status()).toBe(200);
  const file = test.info().outputPath("report.html");
  writeFileSync(file, await html.body());
  const report = await context.newPage();
  const reportDialogs = await watch(report);
  await report.goto(pathToFileURL(file).href);
  await expectInert(report, reportDialogs, "the HTML report from disk");
  await expect(report.locator("body")).toContainText("<img data-xss src=x onerror=alert(2)>");

  // The other exports are data: a browser must not render them as a page.
  for (const format of ["md", "csv", "claimreview", "w3c"]) {
    // ClaimReview needs a public address: the article is not published, so one is given.
    const at = format === "claimreview" ? "&publishUrl=https%3A%2F%2Fdesk.example%2Fchecks%2Fx" : "";
    const res = await req.get(`/api/articles/${article.id}/report?format=${format}${at}`);
    expect(res.status(), format).toBe(200);
    expect(res.headers()["content-type"], format).not.toMatch(/html/);
    expect(res.headers()["x-content-type-options"], format).toBe("nosniff");
  }

  // The control: the same corpus in a page that does not escape it does run, so the detectors above can fail.
  const unsafe = test.info().outputPath("unsafe.html");
  writeFileSync(unsafe, `<!doctype html><body>${CORPUS.slice(0, 3).join("\n")}</body>`);
  await report.goto(pathToFileURL(unsafe).href);
  await expect.poll(() => reportDialogs.length).toBeGreaterThan(0);
  await expect(report.locator("[data-xss]")).not.toHaveCount(0);
});
