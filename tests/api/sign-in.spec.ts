import { spawnSync } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { FREE_FAILURES } from "@/lib/auth/login-throttle";
import { test, expect, signIn, testDb, PASSWORD } from "../support/fixtures";
import { freePort, startAppInstance } from "../support/app-instance";

type Outcome = "signed-in" | "wrong" | "throttled";

/** One sign-in through next-auth's credentials endpoint, read as the sign-in form reads it. */
async function attempt(request: APIRequestContext, email: string, password: string): Promise<Outcome> {
  const res = await signIn(request, email, password);
  const { url } = (await res.json()) as { url: string };
  const error = new URL(url).searchParams.get("error");
  if (!error) return "signed-in";
  return error.startsWith("Too many failed sign-ins.") ? "throttled" : "wrong";
}

/**
 * Repeats a wrong sign-in until the throttle row `key` has counted `failures`
 * (refused tries are quick and count nothing, so this waits out the first
 * short waits); returns the outcomes in order.
 */
async function hammer(run: () => Promise<Outcome>, key: string, failures: number): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < 2000; i++) {
    outcomes.push(await run());
    const row = await testDb().loginThrottle.findUnique({ where: { key } });
    if ((row?.failures ?? 0) >= failures) return outcomes;
  }
  throw new Error(`${key} never reached ${failures} failures`);
}

const sessionCookie = async (request: APIRequestContext) =>
  (await request.storageState()).cookies.find((c) => c.name === "next-auth.session-token")?.value;

test.describe("sign-in throttling", () => {
  test("a guesser hammering the account does not keep its owner out of the browser they use", async ({ playwright, desk }) => {
    const base = test.info().project.use.baseURL!;
    const owner = await playwright.request.newContext({ baseURL: base });
    const guesser = await playwright.request.newContext({ baseURL: base });
    const email = desk.reviewer.email;
    // The owner has signed in from this browser before (it keeps the known-browser cookie).
    expect(await attempt(owner, email, PASSWORD)).toBe("signed-in");
    expect((await owner.storageState()).cookies.map((c) => c.name)).toContain("claimdesk-browser");

    // The guesser keeps trying until the account waits a few seconds between tries (a row the test can read).
    const outcomes = await hammer(
      () => attempt(guesser, email, "wrong-password"),
      `account:${email.toLowerCase()}`,
      FREE_FAILURES.account + 3,
    );
    // The first failures are free, then the account waits before each next try, longer each time.
    expect(outcomes.slice(0, FREE_FAILURES.account + 1)).toEqual(Array(FREE_FAILURES.account + 1).fill("wrong"));
    expect(outcomes).toContain("throttled");
    expect(await attempt(guesser, email, PASSWORD)).toBe("throttled");
    const counted = (await testDb().loginThrottle.findUniqueOrThrow({ where: { key: `account:${email.toLowerCase()}` } })).failures;

    // The owner's browser gets in at once, with the right password, while the account waits.
    const t0 = Date.now();
    expect(await attempt(owner, email, PASSWORD)).toBe("signed-in");
    expect(Date.now() - t0).toBeLessThan(3000);
    expect((await owner.get("/api/team")).status()).toBe(200);
    // And the guesser's count is still there: the owner's success did not reset it.
    expect((await testDb().loginThrottle.findUniqueOrThrow({ where: { key: `account:${email.toLowerCase()}` } })).failures).toBe(counted);

    // An admin clears the account's throttle from the command line; then any browser may try again.
    const cli = spawnSync("npx", ["tsx", "scripts/admin.ts", "clear-throttle", email.toUpperCase()], {
      env: process.env,
      encoding: "utf8",
    });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/^Cleared \d+ sign-in throttle records? of /);
    expect(await testDb().loginThrottle.count({ where: { account: email.toLowerCase() } })).toBe(0);
    expect(await attempt(guesser, email, PASSWORD)).toBe("signed-in");
    await owner.dispose();
    await guesser.dispose();
  });

  test("behind a trusted proxy, the owner at a clean address signs in at once while another address hammers the account", async ({
    desk,
  }) => {
    test.setTimeout(90_000);
    const app = await startAppInstance(await freePort(3150 + Number(process.env.CLAIMDESK_TEST_SLOT ?? 0) * 3), process.env.DATABASE_URL!, {
      TRUST_PROXY: "1",
    });
    try {
      /** A sign-in from a fresh browser at `address` (the proxy appends it to whatever the client claimed). */
      const from = async (address: string, password: string, claimed = "198.51.100.99"): Promise<Outcome> => {
        const headers = { "x-forwarded-for": `${claimed}, ${address}` };
        const csrf = await fetch(`${app.url}/api/auth/csrf`, { headers });
        const { csrfToken } = (await csrf.json()) as { csrfToken: string };
        const cookie = csrf.headers
          .getSetCookie()
          .map((c) => c.split(";")[0])
          .join("; ");
        const res = await fetch(`${app.url}/api/auth/callback/credentials`, {
          method: "POST",
          headers: { ...headers, cookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken, email: desk.editor.email, password, json: "true" }),
        });
        const error = new URL(((await res.json()) as { url: string }).url).searchParams.get("error");
        return !error ? "signed-in" : error.startsWith("Too many failed sign-ins.") ? "throttled" : "wrong";
      };
      const outcomes = await hammer(() => from("203.0.113.66", "wrong-password"), "address:203.0.113.66", FREE_FAILURES.address + 3);
      expect(outcomes).toContain("throttled");
      expect(await from("203.0.113.66", PASSWORD)).toBe("throttled");
      // Naming another address in the header does not help the guesser: only the proxy's entry counts.
      expect(await from("203.0.113.66", PASSWORD, "192.0.2.1")).toBe("throttled");
      const t0 = Date.now();
      expect(await from("203.0.113.7", PASSWORD)).toBe("signed-in");
      expect(Date.now() - t0).toBeLessThan(3000);
      // Only the proxy's entries were counted, and the owner's address gave its count back.
      const keys = [
        `account:${desk.editor.email.toLowerCase()}`,
        "address:203.0.113.66",
        "address:203.0.113.7",
        "address:198.51.100.99",
        "address:192.0.2.1",
      ];
      const rows = await testDb().loginThrottle.findMany({ where: { key: { in: keys }, failures: { gt: 0 } } });
      expect(rows.map((r) => r.key).sort()).toEqual([`account:${desk.editor.email.toLowerCase()}`, "address:203.0.113.66"]);
    } finally {
      await app.stop();
    }
  });
});

test.describe("sessions end on the server", () => {
  test("sign-out ends the session: the old cookie gets 401 from the API and the sign-in page from pages", async ({
    playwright,
    request,
    desk,
  }) => {
    const base = test.info().project.use.baseURL!;
    await signIn(request, desk.reviewer.email);
    const old = await sessionCookie(request);
    expect((await request.get("/api/team")).status()).toBe(200);
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const out = await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/signin", json: "true" } });
    expect(out.status()).toBe(200);

    // Someone who kept a copy of the cookie.
    const cookie = {
      name: "next-auth.session-token",
      value: old!,
      domain: new URL(base).hostname,
      path: "/",
      expires: -1,
      httpOnly: true,
      secure: false,
      sameSite: "Lax" as const,
    };
    const thief = await playwright.request.newContext({ baseURL: base, storageState: { cookies: [cookie], origins: [] } });
    expect((await thief.get("/api/team")).status()).toBe(401);
    expect(await (await thief.get("/api/team")).json()).toEqual({ error: expect.any(String) });
    const page = await thief.get("/articles", { maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers().location).toMatch(/\/signin$/);

    // A new sign-in works, and the stale cookie signing out again does not end it.
    await signIn(request, desk.reviewer.email);
    expect((await request.get("/api/team")).status()).toBe(200);
    const thiefCsrf = (await (await thief.get("/api/auth/csrf")).json()) as { csrfToken: string };
    await thief.post("/api/auth/signout", { form: { csrfToken: thiefCsrf.csrfToken, callbackUrl: "/signin" } });
    expect((await request.get("/api/team")).status()).toBe(200);
    await thief.dispose();
  });

  test("a password change ends the user's other sessions and keeps this one", async ({ playwright, request, desk }) => {
    const base = test.info().project.use.baseURL!;
    const url = "/api/account/password";
    expect((await request.post(url, { data: { currentPassword: PASSWORD, newPassword: "a-new-password" } })).status()).toBe(401);
    await signIn(request, desk.editor.email);
    const laptop = await playwright.request.newContext({ baseURL: base });
    await signIn(laptop, desk.editor.email);

    const wrong = await request.post(url, { data: { currentPassword: "not-it", newPassword: "a-new-password" } });
    expect(wrong.status()).toBe(400);
    expect(await wrong.json()).toEqual({ error: "The current password is not right.", field: "currentPassword" });
    const short = await request.post(url, { data: { currentPassword: PASSWORD, newPassword: "short" } });
    expect((await short.json()).field).toBe("newPassword");
    expect((await request.post(url, { data: "x", headers: { "content-type": "text/plain" } })).status()).toBe(415);
    expect((await laptop.get("/api/team")).status()).toBe(200);

    const ok = await request.post(url, { data: { currentPassword: PASSWORD, newPassword: "a-new-password" } });
    expect(ok.status()).toBe(200);
    expect((await request.get("/api/team")).status()).toBe(200);
    expect((await laptop.get("/api/team")).status()).toBe(401);
    const fresh = await playwright.request.newContext({ baseURL: base });
    expect(await attempt(fresh, desk.editor.email, PASSWORD)).toBe("wrong");
    expect(await attempt(fresh, desk.editor.email, "a-new-password")).toBe("signed-in");
    expect(await testDb().auditEvent.count({ where: { actorId: desk.editor.id, action: "account.password_change" } })).toBe(1);
    await laptop.dispose();
    await fresh.dispose();
  });
});

test.describe("where a sign-in leads", () => {
  for (const callbackUrl of ["/\\127.0.0.1:3999/b", "/\t/evil.test", "//evil.test/x", "http://evil.test/", "/.//evil.test"]) {
    test(`next-auth's redirect after sign-in stays on this app for ${JSON.stringify(callbackUrl)}`, async ({ request, desk }) => {
      const base = new URL(test.info().project.use.baseURL!);
      const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: desk.reviewer.email, password: PASSWORD, callbackUrl },
        maxRedirects: 0,
      });
      expect(res.status()).toBe(302);
      const location = new URL(res.headers().location!, base);
      expect(location.origin).toBe(base.origin);
      expect(location.pathname).toBe("/articles");
    });
  }
});
