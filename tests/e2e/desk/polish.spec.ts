/**
 * The polish list, as a person meets it: the sign-in form
 * names what is missing, unknown addresses are branded not-found pages
 * answered with 404, buttons look like buttons, and dates read one way.
 */
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { createEvidenceItem } from "@/seeds/evidence-factories";
import { createArticle } from "@/seeds/factories";
import { deskRound } from "@/seeds/review-factories";
import { makeDecidedRound } from "../../support/decided-round";
import { selectWithMouse } from "../../support/select-text";

// Several pages per test, each rendered by the server: generous on a loaded machine.
test.describe.configure({ timeout: 180_000 });

test("an empty or half-filled sign-in form says what is missing, without asking the server", async ({ page, desk }) => {
  // A desk exists: on an installation without one, /signin sends the first visitor to /setup.
  expect(desk.team.id).toBeTruthy();
  let posts = 0;
  page.on("request", (r) => void (r.method() === "POST" && r.url().includes("/api/auth/callback") && posts++));
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Enter your e-mail address and password.");
  await expect(page.getByLabel("E-mail")).toBeFocused();
  await page.getByLabel("E-mail").fill("someone@example.test");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Enter your password.");
  await expect(page.getByLabel("Password")).toBeFocused();
  await page.getByLabel("E-mail").fill("");
  await page.getByLabel("Password").fill("claimdesk");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Enter your e-mail address.");
  expect(posts).toBe(0);
  await expect(page.getByText("Wrong e-mail or password")).toHaveCount(0);
});

test("unknown and other teams' rounds, evidence, article pages and addresses are branded not-found pages with status 404", async ({
  page,
  context,
  desk,
}) => {
  const other = await makeDecidedRound();
  const theirs = await createEvidenceItem(testDb(), { team: other.team, title: "Their source" });
  await signInContext(context, desk.editor.email);
  const cases: [string, string][] = [
    ["/reviews/no-such-round", "Review round not found"],
    [`/reviews/${other.round.id}`, "Review round not found"],
    ["/evidence/no-such-item", "Evidence not found"],
    [`/evidence/${theirs.id}`, "Evidence not found"],
    ["/articles/no-such-article", "Article not found"],
    [`/articles/${other.article.id}/versions`, "Article not found"],
    ["/no-such-page", "Page not found"],
  ];
  for (const [path, heading] of cases) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: heading }), path).toBeVisible();
    await expect(page.getByRole("link", { name: "Claimdesk" }), path).toBeVisible();
    await expect(page.getByTestId("not-found").getByRole("link"), path).toBeVisible();
  }
  // The signed-in shell stays around the app's own not-found pages.
  await page.goto("/reviews/no-such-round");
  await expect(page.getByTestId("notifications")).toBeVisible();

  const pub = await page.request.get(`/f/${desk.team.slug}/no-such-fact-check`);
  expect(pub.status()).toBe(404);
  expect(await pub.text()).toMatch(/<link rel="stylesheet" href="\/f\/style\.css\?v=[0-9a-f]+">[\s\S]*<h1>Not found<\/h1>/);
});

test("buttons are filled and raised, unlike the white text fields", async ({ page, context, desk }) => {
  await signInContext(context, desk.editor.email);
  const look = (selector: string) =>
    page
      .locator(selector)
      .first()
      .evaluate((e) => {
        const s = getComputedStyle(e);
        return { image: s.backgroundImage, color: s.backgroundColor, shadow: s.boxShadow };
      });
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByRole("button", { name: "Export" })).toBeVisible();
  const button = await look(".article-actions .btn:not(.btn-primary)");
  await page.goto("/articles");
  await expect(page.locator("main input").first()).toBeVisible();
  const input = await look("main input");
  expect(button.image).toContain("gradient");
  expect(button.shadow).not.toBe("none");
  expect(input.image).toBe("none");
  expect(input.shadow).toBe("none");
});

test("tagging claims in a row leaves one open rationale editor, keeping one with words typed in it", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const tag = async (phrase: string, verdict: string) => {
    await selectWithMouse(page, phrase);
    await page.getByRole("dialog", { name: "Tag the selected claim" }).getByRole("button", { name: verdict, exact: true }).click();
    await expect(page.getByTestId("claim-card").filter({ hasText: phrase })).toBeVisible();
  };
  const editors = page.getByRole("textbox", { name: "Rationale" });
  await tag("NATO Secretary-General Jens Stoltenberg", "Verified");
  await expect(editors).toHaveCount(1);
  await tag("arriving in South Korea on Sunday", "Disputed");
  await expect(editors).toHaveCount(1);
  await expect(
    page.getByTestId("claim-card").filter({ hasText: "arriving in South Korea" }).getByRole("textbox", { name: "Rationale" }),
  ).toBeVisible();
  // Words typed in a field keep it open when the next claim is tagged.
  await editors.click();
  await page.keyboard.type("Seoul, 29 January.");
  await tag("before heading to Japan on Monday", "Unsourced");
  await expect(editors).toHaveCount(2);
});

test("the app has an icon: pages link it, /favicon.ico is served to any reader, and the sign-in page fetches nothing that fails", async ({
  page,
  request,
  desk,
}) => {
  // A desk exists: on an installation without one, /signin sends the first visitor to /setup.
  expect(desk.team.id).toBeTruthy();
  const failed: string[] = [];
  page.on("response", (r) => void (r.status() >= 400 && failed.push(`${r.status()} ${r.url()}`)));
  page.on("console", (m) => void (m.type() === "error" && failed.push(m.text())));
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  const icons = await page.locator('link[rel="icon"]').evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(icons.length).toBeGreaterThan(0);
  for (const href of icons) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
    expect(res.headers()["content-type"], href).toMatch(/^image\//);
  }
  // Asked for by browsers without a page's link (the public fact-check pages, feeds), signed in or not.
  const ico = await request.get("/favicon.ico", { headers: { cookie: "" } });
  expect(ico.status()).toBe(200);
  expect([...(await ico.body()).subarray(0, 4)]).toEqual([0, 0, 1, 0]);
  expect(failed).toEqual([]);
});

test("an untitled article goes by the first words of its text, in italics, in My queue, the list of reviews and the round's heading", async ({
  page,
  context,
  desk,
}) => {
  const db = testDb();
  const text =
    "Stoltenberg arrives in Seoul for talks on arms supplies to Ukraine, the first stop of a trip that includes Japan.\nMore text.";
  const untitled = await createArticle(db, { team: desk.team, text });
  const version = untitled.versions[0]!;
  const round = await deskRound(db, { team: desk.team, version, editor: desk.editor, reviewers: [desk.reviewer] });
  const lead = "Stoltenberg arrives in Seoul for talks on arms supplies to Ukraine, the first…";

  await signInContext(context, desk.reviewer.email);
  await page.goto("/queue");
  const inQueue = page.getByTestId("queue").getByRole("link", { name: lead });
  await expect(inQueue).toBeVisible();
  await expect(inQueue.locator(".untitled")).toHaveCSS("font-style", "italic");

  await context.clearCookies();
  await signInContext(context, desk.editor.email);
  await page.goto("/reviews");
  await expect(page.getByTestId("round-list").getByRole("link", { name: lead })).toBeVisible();
  await page.goto(`/reviews/${round.id}`);
  await expect(page.locator("main h1")).toHaveText(`Review of ${lead}`);
  await expect(page.locator("main h1 .untitled")).toHaveCSS("font-style", "italic");
});

test("a row of filters lines up: every one-line control of the article list's fields is one height, selects and dates included", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.editor.email);
  await page.goto("/articles");
  const controls = page.locator('.field input:not([type="checkbox"], [type="radio"]), .field select');
  await expect(controls.first()).toBeVisible();
  const sized = await controls.evaluateAll((els) =>
    els.map((e) => [(e as HTMLInputElement).type, e.getBoundingClientRect().height] as const),
  );
  expect(new Set(sized.map(([type]) => type))).toEqual(new Set(["search", "text", "date", "select-one"]));
  expect(new Set(sized.map(([, height]) => height)).size, JSON.stringify(sized)).toBe(1);
});
