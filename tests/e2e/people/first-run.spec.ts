import { execFileSync } from "node:child_process";
import { test, expect } from "@playwright/test";
import { createClient } from "@/lib/db";
import { freePort, signInAt, startAppInstance } from "../../support/app-instance";
import { freshDatabase } from "../../support/fresh-database";
import { startSmtpSink } from "../../support/smtp-sink";
import { NEW_PASSWORD } from "../../support/people";

/**
 * A fresh install with CLAIMDESK_DEMO=0: `npm start`'s database step leaves it
 * empty, the first visit shows the setup page, which makes the first admin
 * and is gone afterwards. Each case runs its own app instance on its own
 * empty database, with a local SMTP server for the e-mails.
 */
test.describe.configure({ mode: "serial" });

const SLOT = Number(process.env.CLAIMDESK_TEST_SLOT ?? 0);

/** A new database prepared as `npm start` prepares it and an app serving it, both torn down after the file's tests. */
async function freshInstall(name: string, smtpUrl: string) {
  const db = await freshDatabase(name);
  // What `npm start` runs before serving: migrations, and the demo only when wanted.
  execFileSync("npx", ["tsx", "scripts/prepare-db.ts"], {
    stdio: "pipe",
    env: { ...process.env, DATABASE_URL: db.url, CLAIMDESK_DEMO: "0" },
  });
  const client = createClient(db.url);
  expect(await client.team.count()).toBe(0);
  const app = await startAppInstance(await freePort(3400 + SLOT * 10), db.url, {
    CLAIMDESK_DEMO: "0",
    SMTP_URL: smtpUrl,
    SMTP_FROM: "Desk <desk@claimdesk.test>",
  });
  cleanup.push(
    () => app.stop(),
    () => client.$disconnect(),
    db.drop,
  );
  return { client, app };
}

let sink: Awaited<ReturnType<typeof startSmtpSink>>;
const cleanup: (() => Promise<void>)[] = [];
test.beforeAll(async () => {
  sink = await startSmtpSink(await freePort(2525 + SLOT * 10));
  cleanup.push(() => sink.close());
});
test.afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
});

test("the first visit shows the setup page, which makes the first admin and is gone afterwards; invitations are e-mailed", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const { client, app } = await freshInstall("setup", sink.url);

  await page.goto(`${app.url}/`);
  await expect(page).toHaveURL(/\/setup$/);
  await page.goto(`${app.url}/signin`);
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel("Team name").fill("Verification Desk");
  await page.getByLabel("Your name").fill("Ada Lovelace");
  await page.getByLabel("Your e-mail").fill("ada@newsroom.example");
  await page.getByLabel("Password").fill("password1234");
  await page.getByRole("button", { name: "Create the team and its admin" }).click();
  await expect(page.locator(".form-error")).toContainText("most common");
  expect(await client.user.count()).toBe(0);
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Create the team and its admin" }).click();
  await expect(page).toHaveURL(/\/team$/);
  await expect(page.getByTestId("current-user")).toContainText("Ada Lovelace · admin");
  await expect(page.getByTestId("member-row")).toHaveCount(1);

  // Gone for good: the page is a 404 and the API refuses.
  expect((await page.goto(`${app.url}/setup`))?.status()).toBe(404);
  const again = await fetch(`${app.url}/api/setup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ teamName: "Second", name: "Eve", email: "eve@x.example", password: NEW_PASSWORD }),
  });
  expect(again.status).toBe(404);
  expect(await client.user.count()).toBe(1);
  const anon = await browser.newContext();
  const fresh = await anon.newPage();
  await fresh.goto(`${app.url}/articles`);
  await expect(fresh).toHaveURL(/\/signin/);
  await anon.close();

  // With SMTP_URL set, an invitation is e-mailed as well as shown.
  await page.goto(`${app.url}/team`);
  await expect(page.getByText("The link is e-mailed and also shown here to copy.")).toBeVisible();
  await page.getByLabel("E-mail").fill("riya@newsroom.example");
  await page.getByRole("button", { name: "Invite" }).click();
  const shown = page.getByTestId("one-time-link");
  await expect(shown).toContainText("Also e-mailed to riya@newsroom.example");
  const url = await shown.getByLabel("One-time link").inputValue();
  const mail = await sink.messageTo("riya@newsroom.example");
  expect(mail.raw).toContain("Subject: You are invited to Verification Desk on Claimdesk");
  expect(mail.raw.replace(/=\r?\n/g, "")).toContain(url);
});

test("two setups at once make one admin", async () => {
  test.setTimeout(180_000);
  const { client, app } = await freshInstall("race", sink.url);
  const setup = (n: number) =>
    fetch(`${app.url}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ teamName: `Desk ${n}`, name: `Admin ${n}`, email: `admin${n}@newsroom.example`, password: NEW_PASSWORD }),
    }).then((r) => r.status);
  const statuses = await Promise.all([1, 2, 3].map(setup));
  expect(
    statuses.filter((s) => s === 201),
    JSON.stringify(statuses),
  ).toHaveLength(1);
  expect(statuses.filter((s) => s === 404)).toHaveLength(2);
  expect([await client.user.count(), await client.team.count(), await client.membership.count()]).toEqual([1, 1, 1]);
  const admin = await client.user.findFirstOrThrow();
  await signInAt(app.url, admin.email, NEW_PASSWORD);
});
