import type { Page } from "@playwright/test";
import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { highlightedText, selectWithMouse } from "../../support/select-text";

const PHRASE = "NATO wants to create a new Cold War in Asia.";

/**
 * A flash as the page draws it, read at once (it lasts 1.2 s): whether claim `id`'s marks still say so, the
 * properties the article's CSS animations animate, the marks' own animations, and whether the glow's boxes cover each of the
 * claim's line fragments.
 */
function flashOf(page: Page, id: string) {
  return page.evaluate((id) => {
    const marks = [...document.querySelectorAll(`.article-viewer [data-claim-id="${CSS.escape(id)}"]`)];
    const animated = new Set<string>();
    // CSS animations only: selecting the claim also eases its selection ring in (a transition, 120 ms).
    for (const a of document.getAnimations()) {
      if (!(a instanceof CSSAnimation)) continue;
      const effect = a.effect as KeyframeEffect | null;
      if (!effect?.target?.closest(".article-viewer")) continue;
      for (const k of effect.getKeyframes()) for (const p of Object.keys(k)) animated.add(p);
    }
    for (const p of ["offset", "computedOffset", "easing", "composite"]) animated.delete(p);
    const glow = [...document.querySelectorAll(".article-viewer__flash-ring > *")].map((e) => e.getBoundingClientRect());
    const lines = marks.flatMap((m) => [...m.getClientRects()]);
    return {
      flashing: marks.every((m) => m.classList.contains("is-flashing")),
      animated: [...animated],
      marksAnimated: marks.map((m) => getComputedStyle(m).animationName).filter((n) => n !== "none"),
      covered:
        lines.length > 0 &&
        lines.every((r) =>
          glow.some(
            (g) => g.left <= r.left + 1 && g.right >= r.right - 1 && Math.abs(g.top - r.top) < 1 && Math.abs(g.bottom - r.bottom) < 1,
          ),
        ),
    };
  }, id);
}

test("a claim that fails to save stays on screen with its text, and Retry saves it", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  let fail = true;
  await page.route(`**/api/articles/${desk.article.id}/claims`, (route) =>
    route.request().method() === "POST" && fail
      ? route.fulfill({
          status: 503,
          contentType: "application/json",
          body: JSON.stringify({ error: "The desk is offline for maintenance." }),
        })
      : route.continue(),
  );
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Unsourced", exact: true }).click();
  const draft = page.getByTestId("draft-card");
  await expect(draft).toHaveAttribute("data-state", "failed");
  await expect(draft).toContainText(PHRASE);
  await expect(draft.getByRole("alert")).toContainText("offline for maintenance");
  expect(await testDb().annotation.count({ where: { articleId: desk.article.id } })).toBe(0);

  fail = false;
  await draft.getByRole("button", { name: "Retry" }).click();
  await expect(page.getByTestId("draft-card")).toHaveCount(0);
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  const row = await testDb().annotation.findFirstOrThrow({ where: { articleId: desk.article.id } });
  expect([row.exact, row.verdict]).toEqual([PHRASE, "unsourced"]);
});

test("changing the verdict rolls back with a visible error when the server refuses", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Disputed", exact: true }).click();
  const card = page.getByTestId("claim-card");
  await expect(card).toHaveAttribute("data-verdict", "disputed");
  await card.getByRole("button", { name: "Cancel" }).click();

  await page.route("**/api/claims/*", (route) =>
    route.request().method() === "PATCH"
      ? route.fulfill({
          status: 409,
          contentType: "application/json",
          body: JSON.stringify({ error: "Someone changed this claim in the meantime." }),
        })
      : route.continue(),
  );
  await card.getByRole("group", { name: "Verdict" }).getByRole("button", { name: "Verified", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "verdict was not changed" })).toBeVisible();
  await expect(card).toHaveAttribute("data-verdict", "disputed");
  await page.unroute("**/api/claims/*");
  await card.getByRole("group", { name: "Verdict" }).getByRole("button", { name: "Verified", exact: true }).click();
  await expect(card).toHaveAttribute("data-verdict", "verified");
  await expect
    .poll(async () => (await testDb().annotation.findFirstOrThrow({ where: { articleId: desk.article.id } })).verdict)
    .toBe("verified");
});

test("a rationale survives a failed save, and delete can be undone", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  await page.getByRole("textbox", { name: "Rationale" }).click();
  await page.keyboard.type("Several outlets reported it; none gave a source.");
  await page.route("**/api/claims/*", (route) =>
    route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error: "Try again shortly." }) }),
  );
  await page.getByRole("button", { name: "Save rationale" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Try again shortly." })).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Rationale" })).toContainText("none gave a source");
  await page.unroute("**/api/claims/*");
  await page.getByRole("button", { name: "Save rationale" }).click();
  await expect(page.getByTestId("claim-rationale")).toContainText("none gave a source");

  const card = page.getByTestId("claim-card");
  await card.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(0);
  const row = await testDb().annotation.findFirstOrThrow({ where: { articleId: desk.article.id } });
  await expect.poll(async () => (await testDb().annotation.findUniqueOrThrow({ where: { id: row.id } })).deletedAt).not.toBeNull();
  await page.getByTestId("toast").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await expect.poll(async () => (await testDb().annotation.findUniqueOrThrow({ where: { id: row.id } })).deletedAt).toBeNull();
  await page.reload();
  await expect.poll(() => highlightedText(page, row.id)).toBe(PHRASE);
  await expect(page.getByTestId("claim-rationale")).toContainText("none gave a source");
});

test("a delete the server refuses puts the card back and says why", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Disputed", exact: true }).click();
  const card = page.getByTestId("claim-card");
  await expect(card).toHaveCount(1);
  const row = await testDb().annotation.findFirstOrThrow({ where: { articleId: desk.article.id } });

  // Hold the DELETE until the optimistic removal has shown, then refuse it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/api/claims/*", async (route) => {
    if (route.request().method() !== "DELETE") return route.continue();
    await held;
    await route.fulfill({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ error: "The desk is offline for maintenance." }),
    });
  });
  await card.getByRole("button", { name: "Delete" }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(0);
  release();

  await expect(page.getByRole("alert").filter({ hasText: "Could not delete the claim" })).toContainText("offline for maintenance");
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await expect(page.getByTestId("claim-quote")).toHaveText(PHRASE);
  await expect.poll(() => highlightedText(page, row.id)).toBe(PHRASE);
  await expect(page.getByTestId("toast").getByRole("button", { name: "Undo" })).toHaveCount(0);
  expect((await testDb().annotation.findUniqueOrThrow({ where: { id: row.id } })).deletedAt).toBeNull();
});

test("clicking a card flashes its highlight; clicking a highlight selects its card", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  // The later phrase first: the panel must sort by position, not list claims as they were made.
  const later = "Kim said the trip to South Korea and Japan was a step towards confrontation and war";
  await selectWithMouse(page, later);
  await page.getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("dialog", { name: "Tag the selected claim" }).getByRole("button", { name: "Verified", exact: true }).click();
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  await expect(page.getByTestId("claim-quote")).toHaveText([PHRASE, later]);
  const rows = await testDb().annotation.findMany({ where: { articleId: desk.article.id }, orderBy: { start: "asc" } });
  expect(rows.map((r) => r.exact)).toEqual([PHRASE, later]);

  // Still in text order when the server's list arrives in creation order (the client sorts too).
  await page.route(`**/api/articles/${desk.article.id}/claims`, async (route) => {
    if (route.request().method() !== "GET") return route.continue();
    const response = await route.fetch();
    const list = (await response.json()) as { createdAt: string }[];
    await route.fulfill({ response, json: [...list].sort((a, b) => a.createdAt.localeCompare(b.createdAt)) });
  });
  await page.reload();
  await expect(page.getByTestId("claim-quote")).toHaveText([PHRASE, later]);
  await page.unroute(`**/api/articles/${desk.article.id}/claims`);

  // A flash lasts 1.3 s. Each look at one is a click and the look, retried as a whole (toPass): a runner that stalls
  // longer than the flash between the two tries again, where a separate look once found the flash already over.
  const button = page.getByRole("button", { name: /^Claim 2: .*, show in the text$/ });
  const mark = page.locator(`.article-viewer [data-claim-id="${rows[1]!.id}"]`).first();
  await page.evaluate(() => window.scrollTo(0, 0));
  // The glow covers each line of the claim, and only its opacity animates (the compositor runs it): the marks
  // themselves animate nothing, which repainted the article every frame of the flash.
  await expect(async () => {
    await button.click();
    expect(await flashOf(page, rows[1]!.id)).toEqual({ flashing: true, animated: ["opacity"], marksAnimated: [], covered: true });
  }).toPass({ timeout: 15_000 });
  await expect(mark).toBeInViewport();
  await expect(page.locator(".article-viewer__flash")).toHaveCount(0);
  await expect(mark).not.toHaveClass(/is-flashing/);

  // A repeated flash starts again: a new glow. With reduced motion: a steady ring, nothing animates.
  await expect(async () => {
    await button.click();
    await page.locator(".article-viewer__flash").evaluate((e) => e.setAttribute("data-first", ""), undefined, { timeout: 500 });
    await button.click();
    expect(await page.locator(".article-viewer__flash").count()).toBe(1);
    expect(await page.locator(".article-viewer__flash[data-first]").count()).toBe(0);
  }).toPass({ timeout: 15_000 });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await expect(async () => {
    await button.click();
    expect(await flashOf(page, rows[1]!.id)).toEqual({ flashing: true, animated: [], marksAnimated: [], covered: true });
    await expect(page.locator(".article-viewer__flash-ring > *").first()).toHaveCSS(
      "box-shadow",
      "rgba(250, 204, 21, 0.95) 0px 0px 0px 3px",
      {
        timeout: 500,
      },
    );
  }).toPass({ timeout: 15_000 });
  await page.emulateMedia({ reducedMotion: null });

  await page.locator(`.article-viewer [data-claim-id="${rows[0]!.id}"]`).first().click();
  await expect(page.locator(`[data-testid="claim-card"][data-claim-id="${rows[0]!.id}"]`)).toHaveAttribute("aria-current", "true");
  await expect(page.locator(`.article-viewer [data-claim-id="${rows[0]!.id}"]`).first()).toHaveClass(/is-selected/);
});

test("the Undo toast stays while the pointer is on it or the focus in it, and goes its full time after", async ({
  page,
  context,
  desk,
}) => {
  test.setTimeout(60_000);
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(page, PHRASE);
  await page.getByRole("button", { name: "Verified", exact: true }).click();
  await page.getByTestId("claim-card").getByRole("button", { name: "Delete" }).click();
  const toast = page.getByTestId("toast");
  await expect(toast.getByRole("button", { name: "Undo" })).toBeVisible();

  // On its way to Undo: past its 8 seconds, it is still there.
  await toast.hover();
  await page.waitForTimeout(9_000);
  await expect(toast).toBeVisible();
  // Tabbed to: the same.
  await toast.getByRole("button", { name: "Undo" }).focus();
  await page.mouse.move(0, 0);
  await page.waitForTimeout(9_000);
  await expect(toast).toBeVisible();
  // Left alone, it goes.
  await page.evaluate("document.activeElement instanceof HTMLElement && document.activeElement.blur()");
  await expect(toast).toHaveCount(0, { timeout: 12_000 });
});
