/**
 * Joining with an external provider: GitHub (here a local stand-in for a
 * GitHub Enterprise Server, GITHUB_URL) vouches for the invited address, and
 * the person joins without a password; an address GitHub has not verified,
 * or one with neither an account nor an invitation, gets nothing. Runs its
 * own app instance with GitHub switched on and team creation closed.
 */
import { test, expect, testDb } from "../../support/fixtures";
import { callAs, freePort, signInAt, startAppInstance, type AppInstance } from "../../support/app-instance";
import { startFakeGithub } from "../../support/fake-github";
import { makeAdminDesk } from "../../support/people";

test.describe.configure({ mode: "serial" });

const SLOT = Number(process.env.CLAIMDESK_TEST_SLOT ?? 0);
let app: AppInstance;
let github: Awaited<ReturnType<typeof startFakeGithub>>;

test.beforeAll(async () => {
  github = await startFakeGithub(await freePort(3600 + SLOT * 10));
  app = await startAppInstance(await freePort(3650 + SLOT * 10), process.env.DATABASE_URL!, {
    GITHUB_ID: "claimdesk-test-app",
    GITHUB_SECRET: "claimdesk-test-app-secret",
    GITHUB_URL: github.url,
    CLAIMDESK_OPEN_TEAMS: "0",
  });
});
test.afterAll(async () => {
  await app?.stop();
  await github?.close();
});

/** An invitation made through the API by the desk's admin on the instance; its one-time link. */
async function invitationLink(email: string) {
  const desk = await makeAdminDesk();
  const cookie = await signInAt(app.url, desk.admin.email);
  const made = await callAs<{ link: { url: string } }>(app.url, cookie, "POST", "/api/team/invitations", { email, role: "reviewer" });
  expect(made.status).toBe(201);
  return { desk, url: made.body.link.url };
}

test("an invited person continues with GitHub, which has verified the address, joins without a password, and signs in with GitHub again later", async ({
  browser,
}) => {
  test.slow(); // its own app instance and two browser contexts
  const email = `riya-gh-${Date.now()}@newsroom.example`;
  const { desk, url } = await invitationLink(email);
  github.signInAs({ login: "riyak", name: "Riya Kapoor", email, verified: true });

  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByRole("heading", { name: `Join ${desk.team.name}` })).toBeVisible();
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  // Back on the invitation, signed in as the invited address.
  await expect(page).toHaveURL(new RegExp(`/invite/`));
  await expect(page.getByText(`You are signed in as ${email}`)).toBeVisible();
  await page.getByRole("button", { name: `Join ${desk.team.name}` }).click();
  await expect(page).toHaveURL(/\/articles$/);
  await expect(page.getByTestId("current-user")).toContainText("Riya Kapoor · reviewer");
  await expect(page.getByRole("link", { name: `Article ${desk.team.slug}` })).toBeVisible();

  const user = await testDb().user.findUniqueOrThrow({
    where: { email },
    select: { id: true, passwordHash: true, emailVerified: true, accounts: true, memberships: true },
  });
  expect(user.passwordHash).toBeNull();
  expect(user.emailVerified).not.toBeNull();
  expect(user.accounts.map((a) => a.provider)).toEqual(["github"]);
  expect(user.memberships.map((m) => [m.teamId, m.role])).toEqual([[desk.team.id, "reviewer"]]);
  expect((await testDb().invitation.findFirstOrThrow({ where: { email } })).acceptedById).toBe(user.id);
  await context.close();

  // Another day, another browser: the sign-in page offers GitHub, and it leads to the desk.
  const later = await browser.newContext({ baseURL: app.url });
  const again = await later.newPage();
  await again.goto("/signin");
  await again.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(again).toHaveURL(/\/articles$/);
  await expect(again.getByTestId("current-user")).toContainText("Riya Kapoor · reviewer");
  await later.close();
});

test("GitHub that has not verified the invited address: back to sign-in with the reason, no account, the invitation still open", async ({
  browser,
}) => {
  const email = `unverified-${Date.now()}@newsroom.example`;
  const { url } = await invitationLink(email);
  github.signInAs({ login: "someone", name: "Some One", email, verified: false });
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(page).toHaveURL(/\/signin\?error=UnverifiedEmail/);
  await expect(page.locator(".form-error")).toContainText("not verified by the provider");
  expect(await testDb().user.count({ where: { email } })).toBe(0);
  expect((await testDb().invitation.findFirstOrThrow({ where: { email } })).acceptedAt).toBeNull();
  await context.close();
});

test("a verified GitHub address with neither an account nor an invitation is turned away when teams are closed", async ({ browser }) => {
  const email = `stranger-${Date.now()}@elsewhere.example`;
  github.signInAs({ login: "stranger", name: "A Stranger", email, verified: true });
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto("/signin");
  await page.getByRole("button", { name: "Continue with GitHub" }).click();
  await expect(page).toHaveURL(/\/signin\?error=NoAccount/);
  await expect(page.locator(".form-error")).toContainText("No Claimdesk account or invitation has that e-mail");
  expect(await testDb().user.count({ where: { email } })).toBe(0);
  await context.close();
});
