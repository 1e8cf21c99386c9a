import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { createArticle } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink } from "@/seeds/evidence-factories";

/** One item cited by claims in two articles of the desk. */
async function itemUsedTwice(desk: Parameters<Parameters<typeof test>[2]>[0]["desk"]) {
  const db = testDb();
  const second = await createArticle(db, {
    team: desk.team,
    text: "Kim said the huge sales contract with Poland proves NATO's intent.",
    meta: { title: "North Korea blasts NATO chief's trip" },
  });
  const item = await createEvidenceItem(db, {
    team: desk.team,
    kind: "dated_fact",
    title: "South Korea-Poland arms deal, July-August 2022",
    dateStart: "2022-07-27",
    dateEnd: "2022-08-26",
    datePrecision: "day",
  });
  const c1 = await createClaimOnPhrase(db, {
    team: desk.team,
    version: { ...desk.version, articleId: desk.article.id },
    authorId: desk.editor.id,
    phrase: "hundreds of tanks, fighter jets and weapons to NATO member Poland",
    verdict: "verified",
  });
  const c2 = await createClaimOnPhrase(db, {
    team: desk.team,
    version: { ...second.versions[0]!, articleId: second.id },
    authorId: desk.editor.id,
    phrase: "huge sales contract",
    verdict: "verified",
  });
  await createEvidenceLink(db, { team: desk.team, evidenceId: item.id, claimId: c1.id, stance: "supports" });
  await createEvidenceLink(db, {
    team: desk.team,
    evidenceId: item.id,
    claimId: c2.id,
    stance: "context",
    pinpoint: "first executive contracts",
  });
  return { item, second, c1, c2 };
}

test("the item's page lists its use in two articles", async ({ page, context, desk }) => {
  const { item, second } = await itemUsedTwice(desk);
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/evidence/${item.id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(item.title);
  await expect(page.getByText("27 July – 26 August 2022 (to the day)")).toBeVisible();
  const articles = page.getByTestId("used-in-article");
  await expect(articles).toHaveCount(2);
  await expect(articles.filter({ hasText: `Article ${desk.team.slug}` }).getByTestId("used-in-claim")).toContainText("hundreds of tanks");
  const other = articles.filter({ hasText: "North Korea blasts NATO chief's trip" });
  await expect(other.getByTestId("used-in-claim")).toContainText("Context");
  await expect(other.getByTestId("used-in-claim")).toContainText("first executive contracts");
  await other.getByRole("link", { name: "North Korea blasts NATO chief's trip" }).click();
  await expect(page).toHaveURL(new RegExp(`/articles/${second.id}$`));
});

test("search as you type and filter by kind; deleting an item in use shows where first and leaves a tombstone on the claims", async ({
  page,
  context,
  desk,
}) => {
  const { item, c1 } = await itemUsedTwice(desk);
  await createEvidenceItem(testDb(), {
    team: desk.team,
    title: "NATO leaders meet with key partners",
    publisher: "NATO",
    url: "https://www.nato.int/cps/en/natohq/news_197287.htm",
  });
  await signInContext(context, desk.editor.email);
  await page.goto("/evidence");
  const rows = page.getByTestId("evidence-row");
  await expect(rows).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Search evidence" }).pressSequentially("NATO.INT", { delay: 30 });
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("NATO leaders meet");
  await page.getByRole("searchbox", { name: "Search evidence" }).fill("");
  await page.getByRole("combobox", { name: "Filter by kind" }).selectOption("dated_fact");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("Used by 2 claims");

  await rows
    .first()
    .getByRole("button", { name: `Delete “${item.title}”` })
    .click();
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("It is used by 2 claims in 2 articles");
  await expect(dialog.getByTestId("used-in-article")).toHaveCount(2);
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId("toast")).toContainText("2 claims still show it, marked deleted");
  expect((await testDb().evidenceItem.findUniqueOrThrow({ where: { id: item.id } })).deletedAt).not.toBeNull();

  await page.goto(`/articles/${desk.article.id}`);
  const link = page.locator(`[data-testid="claim-card"][data-claim-id="${c1.id}"]`).getByTestId("evidence-link");
  await expect(link).toHaveAttribute("data-deleted", "true");
  await expect(link.getByTestId("evidence-deleted")).toHaveText("Deleted");
});

test("create and edit an item in the library; a refused field keeps what was typed", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto("/evidence");
  await page.getByRole("button", { name: "New evidence" }).click();
  const form = page.getByRole("form", { name: "Add to library" });
  await form.getByLabel("Kind").selectOption("dated_fact");
  await form.getByLabel("Title").fill("Stoltenberg in Seoul");
  await form.getByLabel("Date or interval").fill("2023-01-30/2023-01-29");
  await form.getByRole("button", { name: "Add to library" }).click();
  await expect(form.getByRole("alert")).toContainText("ends before it starts");
  await form.getByLabel("Date or interval").fill("2023-01-29/2023-01-30");
  await form.getByRole("button", { name: "Add to library" }).click();
  const row = page.getByTestId("evidence-row").filter({ hasText: "Stoltenberg in Seoul" });
  await expect(row).toContainText("29–30 January 2023");

  await row.getByRole("button", { name: "Edit “Stoltenberg in Seoul”" }).click();
  const edit = page.getByRole("form", { name: "Save changes" });
  await edit.getByLabel("Title").fill("Stoltenberg in Seoul, 29-30 January 2023");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("evidence-row").first()).toContainText("Stoltenberg in Seoul, 29-30 January 2023");
  const stored = await testDb().evidenceItem.findFirstOrThrow({ where: { teamId: desk.team.id } });
  expect([stored.title, stored.dateStart, stored.dateEnd, stored.datePrecision, stored.version]).toEqual([
    "Stoltenberg in Seoul, 29-30 January 2023",
    "2023-01-29",
    "2023-01-30",
    "day",
    2,
  ]);
});

test("an item marked internal in the form is tagged Internal in the library and on its page; unticking it in an edit clears the tag", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.editor.email);
  await page.goto("/evidence");
  await page.getByRole("button", { name: "New evidence" }).click();
  const form = page.getByRole("form", { name: "Add to library" });
  await form.getByLabel("Kind").selectOption("interview");
  await form.getByLabel("Title").fill("Call with the embassy press office");
  await form.getByLabel("Internal: for the desk only").check();
  await form.getByRole("button", { name: "Add to library" }).click();
  const row = page.getByTestId("evidence-row").filter({ hasText: "Call with the embassy press office" });
  await expect(row.getByTestId("evidence-internal")).toHaveText("Internal");
  const stored = await testDb().evidenceItem.findFirstOrThrow({ where: { teamId: desk.team.id } });
  expect(stored.internal).toBe(true);

  await row.getByRole("link", { name: "Call with the embassy press office" }).click();
  await expect(page.getByTestId("evidence-internal")).toContainText("left out of published fact-checks");
  await page.goBack();
  await row.getByRole("button", { name: "Edit “Call with the embassy press office”" }).click();
  const edit = page.getByRole("form", { name: "Save changes" });
  await expect(edit.getByLabel("Internal: for the desk only")).toBeChecked();
  await edit.getByLabel("Internal: for the desk only").uncheck();
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(row.getByTestId("evidence-internal")).toHaveCount(0);
  // The tag goes at once (the list is updated optimistically); the row follows the server's answer.
  await expect.poll(async () => (await testDb().evidenceItem.findUniqueOrThrow({ where: { id: stored.id } })).internal).toBe(false);
});

test("create, edit and delete an item from the keyboard; Escape cancels the delete and gives focus back to its button", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto("/evidence");
  await expect(page.getByText("The library is empty")).toBeVisible();

  // Create a dated fact: Enter opens the form, arrows pick the kind, Tab moves on, Enter saves.
  await page.getByRole("button", { name: "New evidence" }).focus();
  await page.keyboard.press("Enter");
  const form = page.getByRole("form", { name: "Add to library" });
  await expect(form.getByLabel("Title")).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(form.getByLabel("Kind")).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press("ArrowDown");
  await expect(form.getByLabel("Kind")).toHaveValue("dated_fact");
  await page.keyboard.press("Tab");
  await page.keyboard.type("Stoltenberg in Seoul");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("Date or interval")).toBeFocused();
  await page.keyboard.type("2023-01-29/2023-01-30");
  await page.keyboard.press("Enter");
  await expect(form).toHaveCount(0);
  const row = page.getByTestId("evidence-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Stoltenberg in Seoul");
  await expect(row).toContainText("29–30 January 2023");

  // Edit: Enter on Edit, the title is focused, replace it, Enter saves.
  await row.getByRole("button", { name: "Edit “Stoltenberg in Seoul”" }).focus();
  await page.keyboard.press("Enter");
  const edit = page.getByRole("form", { name: "Save changes" });
  await expect(edit.getByLabel("Title")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Stoltenberg in Seoul, 29-30 January 2023");
  await page.keyboard.press("Enter");
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText("Stoltenberg in Seoul, 29-30 January 2023");
  const stored = await testDb().evidenceItem.findFirstOrThrow({ where: { teamId: desk.team.id } });
  expect([stored.title, stored.dateStart, stored.dateEnd, stored.version, stored.deletedAt]).toEqual([
    "Stoltenberg in Seoul, 29-30 January 2023",
    "2023-01-29",
    "2023-01-30",
    2,
    null,
  ]);

  // Delete: Escape cancels and focus goes back to the Delete button; then Shift+Tab, Enter confirms.
  const deleteButton = row.getByRole("button", { name: "Delete “Stoltenberg in Seoul, 29-30 January 2023”" });
  await deleteButton.focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("alertdialog");
  await expect(dialog).toContainText("No claim uses it.");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(deleteButton).toBeFocused();
  expect((await testDb().evidenceItem.findUniqueOrThrow({ where: { id: stored.id } })).deletedAt).toBeNull();

  await page.keyboard.press("Enter");
  await expect(dialog).toContainText("No claim uses it.");
  await page.keyboard.press("Shift+Tab");
  await expect(dialog.getByRole("button", { name: "Delete", exact: true })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("toast")).toContainText("Deleted “Stoltenberg in Seoul, 29-30 January 2023”.");
  expect((await testDb().evidenceItem.findUniqueOrThrow({ where: { id: stored.id } })).deletedAt).not.toBeNull();
});
