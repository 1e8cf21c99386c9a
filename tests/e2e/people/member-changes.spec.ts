import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { makeAdminDesk, membershipOf } from "../../support/people";
import { selectWithMouse } from "../../support/select-text";

const PHRASE = "NATO wants to create a new Cold War in Asia.";

test("a role change applies on the member's next request; deactivation gets their open page a 401 on its next save, and their claim stays, attributed", async ({
  page,
  context,
  browser,
}) => {
  test.slow(); // several pages and browser contexts in one flow
  const desk = await makeAdminDesk();
  const memberContext = await browser.newContext();
  await signInContext(memberContext, desk.reviewer.email);
  const member = await memberContext.newPage();
  await member.goto(`/articles/${desk.article.id}`);
  await selectWithMouse(member, PHRASE);
  await member.getByRole("button", { name: "Disputed", exact: true }).click();
  await expect(member.getByTestId("claim-card")).toHaveCount(1);
  const startRound = () =>
    member.request.post("/api/reviews", {
      data: { articleId: desk.article.id, reviewerIds: [desk.editor.id], adjudicatorId: desk.admin.id },
    });
  expect((await startRound()).status()).toBe(403);

  await signInContext(context, desk.admin.email);
  await page.goto("/team");
  const row = page.locator(`[data-testid="member-row"][data-email="${desk.reviewer.email}"]`);
  await expect(row).toHaveAttribute("data-status", "active");
  // A slow roster refetch: the admin's next change must not wait for it (it carries the version the last change returned).
  await page.route("**/api/team/roster", async (route) => {
    await new Promise((r) => setTimeout(r, 8000));
    await route.continue().catch(() => {});
  });
  await row.getByRole("combobox").selectOption("editor");
  await expect.poll(async () => (await membershipOf(desk.team.id, desk.reviewer.id)).role).toBe("editor");
  // No new sign-in: the member's very next request may start a round.
  expect((await startRound()).status()).toBe(201);

  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toHaveAttribute("data-status", "deactivated", { timeout: 5000 });
  await page.unroute("**/api/team/roster");
  await member.getByRole("textbox", { name: "Rationale" }).click();
  await member.keyboard.type("Checked with the ministry.");
  const refused = member.waitForResponse((r) => r.url().includes("/api/claims/") && r.request().method() === "PATCH");
  await member.getByRole("button", { name: "Save rationale" }).click();
  expect((await refused).status()).toBe(401);
  const dialog = member.getByRole("dialog", { name: "Sign in again to save" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Password").fill("claimdesk");
  await dialog.getByRole("button", { name: "Sign in and save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("no longer an active member");
  await expect(member.getByRole("textbox", { name: "Rationale" })).toContainText("Checked with the ministry.");
  await memberContext.close();

  // The claim stays in the article, attributed to them.
  const name = (await testDb().user.findUniqueOrThrow({ where: { id: desk.reviewer.id } })).name!;
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("claim-card")).toHaveCount(1);
  await expect(page.getByTestId("claim-card")).toContainText(name);
  expect(await testDb().annotation.count({ where: { articleId: desk.article.id, authorId: desk.reviewer.id, deletedAt: null } })).toBe(1);
});

test("the last admin can be neither demoted nor deactivated, themselves included", async ({ page, context }) => {
  const desk = await makeAdminDesk();
  await signInContext(context, desk.admin.email);
  await page.goto("/team");
  const self = page.locator(`[data-testid="member-row"][data-email="${desk.admin.email}"]`);
  await expect(self).toContainText("(you)");
  await self.getByRole("combobox").selectOption("editor");
  await expect(self.getByRole("alert")).toContainText("at least one active admin");
  await expect(self.getByRole("combobox")).toHaveValue("admin");
  await self.getByRole("button", { name: "Deactivate" }).click();
  await expect(self.getByRole("alert")).toContainText("at least one active admin");
  await expect(self).toHaveAttribute("data-status", "active");
  const row = await membershipOf(desk.team.id, desk.admin.id);
  expect([row.role, row.deactivatedAt]).toEqual(["admin", null]);
});
