import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { NEW_PASSWORD, makeAdminDesk } from "../../support/people";
import { selectWithMouse } from "../../support/select-text";

const PHRASE = "NATO wants to create a new Cold War in Asia.";

test("admin invites a reviewer; the link opens in a fresh browser, they join, tag a claim; Activity shows the invitation, the acceptance and the claim", async ({
  page,
  context,
  browser,
}) => {
  test.slow(); // several pages and browser contexts in one flow
  const desk = await makeAdminDesk();
  const email = `riya-${Date.now()}@newsroom.example`;
  await signInContext(context, desk.admin.email);
  await page.goto("/team");
  await expect(page.getByText("E-mail is not set up on this desk")).toBeVisible();
  await page.getByLabel("E-mail").fill(email);
  await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("reviewer");
  await page.getByRole("button", { name: "Invite" }).click();
  const link = page.getByTestId("one-time-link");
  await expect(link).toContainText(`Invitation for ${email} (reviewer)`);
  const url = await link.getByLabel("One-time link").inputValue();
  await expect(page.locator(`[data-testid="invitation-row"][data-email="${email}"]`)).toContainText("invited");

  const fresh = await browser.newContext();
  const them = await fresh.newPage();
  await them.goto(url);
  await expect(them.getByRole("heading", { name: `Join ${desk.team.name}` })).toBeVisible();
  await them.getByLabel("Your name").fill("Riya Kapoor");
  await them.getByLabel("Password").fill(NEW_PASSWORD);
  await them.getByRole("button", { name: `Join ${desk.team.name}` }).click();
  await expect(them).toHaveURL(/\/articles$/);
  await expect(them.getByTestId("current-user")).toContainText("Riya Kapoor · reviewer");
  await them.getByRole("link", { name: `Article ${desk.team.slug}` }).click();
  await selectWithMouse(them, PHRASE);
  await them.getByRole("button", { name: "Unsourced", exact: true }).click();
  await expect(them.getByTestId("claim-card")).toHaveCount(1);
  const user = await testDb().user.findUniqueOrThrow({ where: { email } });
  await expect.poll(() => testDb().annotation.count({ where: { articleId: desk.article.id, authorId: user.id } })).toBe(1);
  // The link was single-use.
  await them.goto(url);
  await expect(them.locator(".form-error")).toContainText("already used");
  await fresh.close();

  await page.goto("/team/activity");
  const rows = page.getByTestId("activity-row");
  await expect(rows.first()).toHaveAttribute("data-action", "claim.create");
  await expect(rows.nth(0)).toContainText(`Riya Kapoor tagged a claim: claim in Article ${desk.team.slug}`);
  await expect(rows.nth(1)).toContainText("Riya Kapoor joined the team: Riya Kapoor");
  await expect(rows.nth(2)).toHaveAttribute("data-action", "member.invite");
  await expect(rows.nth(2)).toContainText(email);
  await rows.nth(0).getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/articles/${desk.article.id}$`));

  // Filters: by person, by article.
  await page.goto("/team/activity");
  await page.getByRole("combobox", { name: "Person" }).selectOption({ label: "Riya Kapoor" });
  await expect(rows).toHaveCount(2);
  await page.getByRole("combobox", { name: "Person" }).selectOption({ label: "Everyone" });
  await page.getByRole("combobox", { name: "Article" }).selectOption({ label: `Article ${desk.team.slug}` });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-action", "claim.create");
});
