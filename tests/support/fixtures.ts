/**
 * Playwright fixtures: each test gets its own desk (team, members, article)
 * made by the shared factories, and signs in through the API once per user.
 */
import { test as base, expect, type APIRequestContext, type BrowserContext } from "@playwright/test";
import { readFileSync } from "node:fs";
import { createClient, type Db } from "@/lib/db";
import { isLocalDatabase } from "@/lib/db/database-url";
import { createArticle, createTeam, createUser } from "@/seeds/factories";
import type { Role } from "@/lib/policies/roles";

export const PASSWORD = "claimdesk";

let client: Db | undefined;
/** The test database (refuses anything but a local one). */
export function testDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url || !process.env.CLAIMDESK_TEST_DB || !isLocalDatabase(url))
    throw new Error("Run Playwright through `npm test` (it prepares a local test database).");
  client ??= createClient(url);
  return client;
}

export type Member = { id: string; email: string; role: Role };

/** Seed article 000, imported for a fresh team. */
export function seedText(stem = "000_adab854ca7d5bdf4"): string {
  return readFileSync(new URL(`../../seeds/articles/${stem}.txt`, import.meta.url), "utf8");
}

export async function makeDesk(text = seedText()) {
  const db = testDb();
  const team = await createTeam(db);
  const member = async (role: Role): Promise<Member> => {
    const u = await createUser(db, { team, role });
    return { id: u.id, email: u.email, role };
  };
  const editor = await member("editor");
  const reviewer = await member("reviewer");
  const article = await createArticle(db, {
    team,
    text,
    meta: { title: `Article ${team.slug}`, outlet: "Test Outlet", publishedDate: "2023-01-30" },
  });
  return { team, editor, reviewer, article, version: article.versions[0]!, text: article.versions[0]!.text };
}

/** Signs in through next-auth's credentials endpoint; the session cookie lands in the request context. */
export async function signIn(request: APIRequestContext, email: string, password = PASSWORD) {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/articles" },
    maxRedirects: 0,
  });
  return res;
}

/** Where Playwright's `playwright` fixture makes request contexts. */
type RequestFactory = { request: { newContext(o: { baseURL?: string }): Promise<APIRequestContext> } };

/** A second API client signed in as `email` (another user than `request`'s); the caller disposes it. */
/** A call made without a session: method, path, and the body (default: `{}`, none for GET and DELETE). */
export type SignedOutCall = readonly [method: string, url: string, data?: unknown];

/** Each call, made without a session, is answered 401 with the JSON error body. */
export async function expectSignedOutRefused(request: APIRequestContext, calls: readonly SignedOutCall[]) {
  for (const [method, url, data] of calls) {
    const res = await request.fetch(url, { method, data: data ?? (method === "GET" || method === "DELETE" ? undefined : {}) });
    expect(res.status(), `${method} ${url}`).toBe(401);
    expect(await res.json()).toEqual({ error: expect.any(String) });
  }
}

export async function signedInRequest(playwright: RequestFactory, email: string) {
  const ctx = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  expect([200, 302]).toContain((await signIn(ctx, email)).status());
  return ctx;
}

/** Signs a browser context in as `email` (cookies shared with its pages). */
export async function signInContext(context: BrowserContext, email: string) {
  const res = await signIn(context.request, email);
  expect([200, 302]).toContain(res.status());
  const cookies = await context.cookies();
  expect(cookies.some((c) => c.name.includes("next-auth.session-token"))).toBe(true);
}

export const test = base.extend<{ desk: Awaited<ReturnType<typeof makeDesk>> }>({
  desk: async ({}, use) => {
    await use(await makeDesk());
  },
});
export { expect };
