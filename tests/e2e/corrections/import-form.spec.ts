import { test, expect, signInContext, seedText, testDb } from "../../support/fixtures";

test("pasting an article: removed furniture can be put back, and a refused save keeps everything typed", async ({
  page,
  context,
  desk,
}) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto("/articles/new");
  const raw = seedText("001_bb3c64dddcf2a7b9");
  await page.getByLabel("Text", { exact: true }).fill(raw);
  await page.getByRole("button", { name: "Preview" }).click();

  const blocks = page.getByTestId("removed-block");
  await expect(blocks.first()).toBeVisible();
  const firstLine = (await blocks.first().locator("blockquote").innerText()).split("\n")[0]!;
  await expect(page.getByTestId("preview-text")).not.toContainText(firstLine);
  await blocks.first().getByRole("checkbox").check();
  await expect(page.getByTestId("preview-text")).toContainText(firstLine);

  await page.getByLabel("Title").fill("Stoltenberg in Seoul");
  await page.getByLabel("URL").fill("ftp://detik.example/article");
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "http:// or https://" })).toBeVisible();
  await expect(page.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
  // Nothing was lost: the text, the restore choice and the other fields are still there.
  // (A textarea stores line breaks as \n.)
  expect(await page.locator("textarea").inputValue()).toBe(raw.replace(/\r\n?/g, "\n"));
  await expect(page.getByLabel("Title")).toHaveValue("Stoltenberg in Seoul");
  await expect(blocks.first().getByRole("checkbox")).toBeChecked();
  expect(await testDb().article.count({ where: { teamId: desk.team.id, title: "Stoltenberg in Seoul" } })).toBe(0);

  await page.getByLabel("URL").fill("https://news.detik.example/article");
  await page.getByRole("button", { name: "Save article" }).click();
  await expect(page.getByRole("heading", { name: "Stoltenberg in Seoul" })).toBeVisible();
  const saved = await testDb().article.findFirstOrThrow({
    where: { teamId: desk.team.id, title: "Stoltenberg in Seoul" },
    include: { versions: true },
  });
  expect(saved.url).toBe("https://news.detik.example/article");
  expect(saved.versions[0]!.text.split("\n")).toContain(firstLine);
  // A reviewer may add articles, but not correct them.
  await expect(page.getByRole("link", { name: "Versions" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Correct text" })).toHaveCount(0);
});

test("an empty paste and a file that is not UTF-8 get clear errors", async ({ page, context, desk }) => {
  await signInContext(context, desk.reviewer.email);
  await page.goto("/articles/new");
  await page.getByLabel("Text", { exact: true }).fill("   \n  ");
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "empty" })).toBeVisible();
  await page.getByLabel("Upload a file").check();
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "latin1.txt", mimeType: "text/plain", buffer: Buffer.from("Caf\xe9 au lait", "latin1") });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "not UTF-8" })).toBeVisible();
  await expect(page.getByText("at most 10 MiB each and 1 MiB of text; UTF-8 unless the page declares its encoding")).toBeVisible();
  // UTF-16 without a byte-order mark is valid UTF-8 byte by byte, full of NULs: refused too.
  await page
    .locator('input[type="file"]')
    .setInputFiles({ name: "utf16.txt", mimeType: "text/plain", buffer: Buffer.from("Stoltenberg in Seoul.", "utf16le") });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "UTF-16" })).toBeVisible();
  expect(await testDb().article.count({ where: { teamId: desk.team.id } })).toBe(1);
});
