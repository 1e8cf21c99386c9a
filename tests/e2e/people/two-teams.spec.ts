import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { createArticle, createTeam, createUser } from "@/seeds/factories";

test("a user in two teams switches between them and sees only each team's articles", async ({ page, context }) => {
  const db = testDb();
  const [a, b] = [await createTeam(db, { name: `Morning ${Date.now()}` }), await createTeam(db, { name: `Evening ${Date.now()}` })];
  const user = await createUser(db, { team: a, role: "reviewer" });
  await db.membership.create({ data: { teamId: b.id, userId: user.id, role: "editor" } });
  await createArticle(db, { team: a, text: "Morning text.", meta: { title: "Morning article" } });
  await createArticle(db, { team: b, text: "Evening text.", meta: { title: "Evening article" } });

  await signInContext(context, user.email);
  await page.goto("/articles");
  const rows = page.getByTestId("article-row");
  await expect(rows).toHaveText([/Morning article/]);
  await expect(page.getByTestId("current-user")).toContainText("reviewer");
  await page.getByLabel("Team").selectOption({ label: b.name });
  await expect(page.getByTestId("current-user")).toContainText("editor");
  await expect(rows).toHaveText([/Evening article/]);
  await page.reload();
  await expect(rows).toHaveText([/Evening article/]);
  await page.getByLabel("Team").selectOption({ label: a.name });
  await expect(rows).toHaveText([/Morning article/]);
});
