/**
 * The request limits (docs/limits.md), over HTTP against the production server
 * (scripts/server.ts, what `npm start` runs) with small limits, so each one is
 * reached in a few requests: writes per user per minute (429 + Retry-After),
 * live-event streams per user (429 + Retry-After), the body cap (413), the
 * claims list in pages, and load shedding (503 + Retry-After, fast).
 */
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/db/database-url";
import { createClaim } from "@/lib/server/claims/create-claim";
import { endSessions } from "@/lib/auth/end-sessions";
import { makeDesk, makeMember } from "../support/actors";
import { ensureBuild, freePort, hasBuild, openEventStream, signInAt, startAppInstance, type AppInstance } from "../support/app-instance";

const url = process.env.DATABASE_URL!;
const LIMITS = {
  CLAIMDESK_WRITES_PER_MINUTE: "5",
  CLAIMDESK_STREAMS_PER_USER: "2",
  CLAIMDESK_CLAIMS_PAGE_SIZE: "3",
  CLAIMDESK_MAX_IN_FLIGHT: "2",
  CLAIMDESK_QUEUE_LIMIT: "2",
  CLAIMDESK_QUEUE_WAIT_MS: "1000",
};

let app: AppInstance;
let desk: Awaited<ReturnType<typeof makeDesk>>;
/** Cookies of the desk's members, signed in once. */
const cookies: Record<"editor" | "reviewer" | "reviewer2", string> = { editor: "", reviewer: "", reviewer2: "" };

beforeAll(
  async () => {
    ensureBuild();
    app = await startAppInstance(await freePort(3400 + Number(process.env.CLAIMDESK_TEST_SLOT ?? 0) * 10), url, LIMITS);
    desk = await makeDesk(db);
    for (const who of ["editor", "reviewer", "reviewer2"] as const) cookies[who] = await signInAt(app.url, desk[who].email);
  },
  hasBuild() ? 90_000 : 600_000,
);

afterAll(async () => {
  await app?.stop();
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string; ms: number };

/** One request over its own connection; `body` may be sent in part (`hold`), to keep the request in flight until `finish` is called. */
function send(method: string, path: string, opts: { cookie?: string; body?: string; hold?: boolean } = {}) {
  const t0 = performance.now();
  let finish = () => {};
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      `${app.url}${path}`,
      {
        method,
        agent: false,
        headers: {
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
          ...(opts.body !== undefined
            ? { "content-type": "application/json", "content-length": Buffer.byteLength(opts.body), origin: app.url }
            : {}),
        },
      },
      (res) => {
        let body = "";
        res.on("data", (c: Buffer) => (body += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body, ms: performance.now() - t0 }));
      },
    );
    req.on("error", reject);
    if (opts.body !== undefined && opts.hold) {
      req.write(opts.body.slice(0, 10));
      finish = () => req.end(opts.body!.slice(10));
    } else req.end(opts.body);
  });
  return { answer, finish: () => finish() };
}

/** A create's body: `phrase`, less its last `trim` characters (one person tags the same words once). */
const claimBody = (phrase = "Stoltenberg met Yoon", trim = 0) => {
  const start = desk.version.text.indexOf(phrase);
  return JSON.stringify({ versionId: desk.version.id, start, end: start + phrase.length - trim, verdict: "verified" });
};

const json = (a: Answer) => JSON.parse(a.body) as { error?: string; field?: string };

describe("limits over HTTP (small limits)", () => {
  it("answers 429 with Retry-After and a JSON error past the writes per user per minute, and still serves reads", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push(
        (await send("POST", `/api/articles/${desk.article.id}/claims`, { cookie: cookies.editor, body: claimBody(undefined, i) }).answer)
          .status,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const refused = await send("POST", `/api/articles/${desk.article.id}/claims`, { cookie: cookies.editor, body: claimBody() }).answer;
    expect(refused.status).toBe(429);
    expect(Number(refused.headers["retry-after"])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect(json(refused).error).toMatch(/at most 5/);
    expect(await db.annotation.count({ where: { articleId: desk.article.id, authorId: desk.editor.id } })).toBe(5);
    // Reads do not count, and another user has a budget of their own.
    expect((await send("GET", `/api/articles/${desk.article.id}/claims`, { cookie: cookies.editor }).answer).status).toBe(200);
    expect(
      (
        await send("POST", `/api/articles/${desk.article.id}/claims`, { cookie: cookies.reviewer2, body: claimBody("First paragraph") })
          .answer
      ).status,
    ).toBe(201);
    if (databaseKind(url) === "postgres") {
      // The counter is shared through the database, so every instance sees the same budget.
      const row = await db.rateLimit.findUniqueOrThrow({ where: { key: `writes:${desk.editor.id}` } });
      expect(row.points).toBeGreaterThanOrEqual(6);
    }
  });

  it("answers 401, not 429, to a write past the limit from a session ended on the server, and saves nothing", async () => {
    const member = await makeMember(db, desk.team, "editor");
    const cookie = await signInAt(app.url, member.email);
    const post = async (trim = 0) =>
      (await send("POST", `/api/articles/${desk.article.id}/claims`, { cookie, body: claimBody("Second paragraph", trim) }).answer).status;
    // The first write decodes the session token; the later ones are counted while the memberships are read.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push(await post(i));
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    await endSessions(db, member.id);
    expect(await post()).toBe(401);
    expect((await send("POST", `/api/articles/${desk.article.id}/claims`, { body: claimBody() }).answer).status).toBe(401);
    expect(await db.annotation.count({ where: { articleId: desk.article.id, authorId: member.id } })).toBe(5);
  });

  it("answers 413 with a JSON error to a body over the cap", async () => {
    const big = JSON.stringify({ versionId: desk.version.id, start: 0, end: 5, verdict: "verified", rationale: "x".repeat(70 * 1024) });
    const res = await send("POST", `/api/articles/${desk.article.id}/claims`, { cookie: cookies.reviewer, body: big }).answer;
    expect(res.status).toBe(413);
    expect(json(res).error).toMatch(/64 KB/);
  });

  it("answers 429 with Retry-After to a live-event stream past the per-user limit, and takes one again once a stream closes", async () => {
    const streams = [await openEventStream(app.url, cookies.reviewer), await openEventStream(app.url, cookies.reviewer)];
    const refused = await send("GET", "/api/events", { cookie: cookies.reviewer }).answer;
    expect(refused.status).toBe(429);
    expect(refused.headers["retry-after"]).toBe("30");
    expect(json(refused).error).toMatch(/2 live-update streams/);
    // Another user is not affected.
    const other = await openEventStream(app.url, cookies.reviewer2);
    streams.shift()!.close();
    let again: Awaited<ReturnType<typeof openEventStream>> | undefined;
    for (let i = 0; i < 100 && !again; i++) again = await openEventStream(app.url, cookies.reviewer).catch(() => undefined);
    expect(again).toBeDefined();
    for (const s of [...streams, other, again!]) s.close();
  });

  it("keeps an idle keep-alive connection 65 s, past a proxy's 60 s idle timeout, and says so", async () => {
    const agent = new http.Agent({ keepAlive: true });
    try {
      const headers = await new Promise<http.IncomingHttpHeaders>((resolve, reject) => {
        http
          .get(`${app.url}/api/ping`, { agent }, (res) => {
            res.resume();
            res.on("end", () => resolve(res.headers));
          })
          .on("error", reject);
      });
      expect(headers.connection).toBe("keep-alive");
      expect(headers["keep-alive"]).toBe("timeout=65");
    } finally {
      agent.destroy();
    }
  });

  it("serves a large claims list in pages that together hold every claim once, in text order", async () => {
    const text = desk.version.text;
    const phrases = ["First", "paragraph", "about", "NATO", "Second", "Stoltenberg", "Yoon"];
    for (const p of phrases) {
      const start = text.indexOf(p);
      await createClaim(desk.reviewer, desk.article.id, { versionId: desk.version.id, start, end: start + p.length, verdict: "unsourced" });
    }
    const page = (n?: number) =>
      send("GET", `/api/articles/${desk.article.id}/claims${n ? `?page=${n}` : ""}`, { cookie: cookies.reviewer }).answer;
    const first = await page();
    const total = Number(first.headers["x-total-count"]);
    expect(first.headers["x-page-size"]).toBe("3");
    expect(total).toBeGreaterThanOrEqual(7);
    const pages = [JSON.parse(first.body) as { id: string; start: number }[]];
    for (let n = 2; n <= Math.ceil(total / 3); n++) pages.push(JSON.parse((await page(n)).body) as { id: string; start: number }[]);
    expect(pages.slice(0, -1).every((p) => p.length === 3)).toBe(true);
    const all = pages.flat();
    expect(all).toHaveLength(total);
    expect(new Set(all.map((c) => c.id)).size).toBe(total);
    expect(all.map((c) => c.start)).toEqual([...all.map((c) => c.start)].sort((a, b) => a - b));
    expect(JSON.parse((await page(99)).body)).toEqual([]);
    const bad = await send("GET", `/api/articles/${desk.article.id}/claims?page=0`, { cookie: cookies.reviewer }).answer;
    expect(bad.status).toBe(400);
    expect(json(bad).field).toBe("page");
  });

  it("sheds with quick 503s (Retry-After, JSON) when every slot is busy and the queue is full, and recovers", async () => {
    // Two writes whose bodies are still arriving hold both slots (CLAIMDESK_MAX_IN_FLIGHT=2).
    const held = [0, 1].map((trim) =>
      send("POST", `/api/articles/${desk.article.id}/claims`, { cookie: cookies.reviewer2, body: claimBody(undefined, trim), hold: true }),
    );
    const list = () => send("GET", `/api/articles/${desk.article.id}/claims`, { cookie: cookies.editor }).answer;
    // Wait until they are in: a read then waits in the queue (at most its second) and is shed.
    let probe = await list();
    for (let i = 0; i < 50 && probe.status === 200; i++) probe = await list();
    expect(probe.status).toBe(503);

    const burst = await Promise.all(Array.from({ length: 12 }, list));
    expect(burst.map((r) => r.status)).toEqual(Array(12).fill(503));
    for (const r of burst) {
      expect(r.headers["retry-after"]).toBe("1");
      expect(r.headers["content-type"]).toContain("application/json");
      expect(json(r).error).toMatch(/busy/);
      expect(r.ms).toBeLessThan(2000);
    }
    // At most two waited in the queue (for up to a second); the others were refused at once.
    expect(burst.filter((r) => r.ms < 900).length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...burst.map((r) => r.ms))).toBeLessThan(2000);
    // The health check is never shed.
    expect((await send("GET", "/api/ping").answer).status).toBe(200);

    for (const h of held) h.finish();
    // Both saved, unless the server had cut its in-flight limit to one (a slow machine: see admission.ts) and shed the second.
    const saved = (await Promise.all(held.map((h) => h.answer))).map((r) => r.status);
    expect(saved).toContain(201);
    expect(saved.every((s) => s === 201 || s === 503)).toBe(true);
    expect((await list()).status).toBe(200);
  });
});
