/**
 * Opening an article, in Debian's Chromium against the
 * production server: time from navigation to the article text painted and
 * to every highlight painted, for an article with 8 claims and one with
 * 1,000 (50,000 characters), beside two floors measured the same way in the
 * same run: a bare route (`/api/ping`, the round trip and a paint) and the
 * article list page (its first row). Also the API requests the page made
 * before its highlights were painted (target 0) and in all, once settled.
 * Median of RUNS loads after a warm-up load; `npm run bench article-page`.
 *
 * Then live updates: a second viewer has the 1,000-claim article open while
 * another reviewer creates, edits and deletes one claim (RUNS times each):
 * what that viewer's page receives for each, the live event and the API
 * requests it makes, in bytes, beside one claim's JSON and the whole claims
 * list (target: about one claim's worth each). tests/e2e/articles/
 * article-speed.spec.ts holds the same behaviour as a test.
 */
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { createTeam, createUser } from "@/seeds/factories";
import { APP_CLIENT_HEADER } from "@/lib/queries/api-client";
import { signInCookie, startBenchServer } from "./support/bench-server";
import { CHROMIUM_ARGS, cookiesFor, createLargeArticle, median } from "./support/large-article";

const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** Installed in every page: when `window.__target` (a selector and a count of distinct claim ids) is met, and what it painted. */
const OBSERVER = `
  const marks = (window.__marks = {});
  const painted = (name) => requestAnimationFrame(() => requestAnimationFrame(() => { marks[name] = performance.now(); }));
  const check = () => {
    const t = window.__target;
    if (!t || !document.body) return;
    if (marks.textSeen === undefined && document.querySelector(t.text) && (document.querySelector(t.text).textContent || "").trim()) {
      marks.textSeen = performance.now();
      painted("text");
    }
    if (marks.hlSeen === undefined && t.ids > 0) {
      // The set of ids only when there are enough elements: counting every mark on each mutation costs the load it measures.
      const els = document.querySelectorAll(t.highlights);
      const ids = els.length >= t.ids ? new Set([...els].map((e) => e.getAttribute("data-claim-id"))) : null;
      if (ids && ids.size >= t.ids) { marks.hlSeen = performance.now(); painted("highlights"); }
    }
  };
  window.__check = check;
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
`;

type Target = { text: string; highlights: string; ids: number };
type Load = { text: number; highlights: number | null; before: number; total: number; bytes: number };

async function load(context: BrowserContext, url: string, target: Target): Promise<Load> {
  const page = await context.newPage();
  await page.addInitScript(`window.__target = ${JSON.stringify(target)};`);
  const api: { url: string; at: number }[] = [];
  const t0 = Date.now();
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (u.pathname.startsWith("/api/") && r.resourceType() !== "document") api.push({ url: u.pathname, at: Date.now() - t0 });
  });
  await page.goto(url, { waitUntil: "commit" });
  const wanted = target.ids > 0 ? "highlights" : "text";
  await page.waitForFunction((k) => (window as unknown as { __marks: Record<string, number> }).__marks[k] !== undefined, wanted, {
    timeout: 30_000,
    polling: 20,
  });
  const marks = await page.evaluate(() => (window as unknown as { __marks: Record<string, number> }).__marks);
  // What the page asks for afterwards: wait until the network has been quiet for a while.
  await page.waitForLoadState("networkidle").catch(() => {});
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
    const api = performance
      .getEntriesByType("resource")
      .filter((e) => new URL(e.name).pathname.startsWith("/api/")) as PerformanceResourceTiming[];
    return {
      origin: performance.timeOrigin,
      navBytes: nav.encodedBodySize,
      api: api.map((e) => ({ start: e.startTime, bytes: e.encodedBodySize })),
    };
  });
  const paintedAt = marks[wanted]!;
  const before = timing.api.filter((e) => e.start < paintedAt).length;
  await page.close();
  return { text: marks.text!, highlights: marks.highlights ?? null, before, total: api.length, bytes: timing.navBytes };
}

/** What the viewer's page received since `reset`: the live events' data and the API answers (not the event stream). */
async function receiver(page: Page) {
  const events: number[] = [];
  const answers: { what: string; bytes: number }[] = [];
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  cdp.on("Network.eventSourceMessageReceived", (e: { data: string }) => events.push(Buffer.byteLength(e.data)));
  page.on("response", (r) => {
    const u = new URL(r.url());
    if (!u.pathname.startsWith("/api/") || u.pathname === "/api/events" || u.pathname.endsWith("/suggestions")) return;
    void r.body().then(
      (b) => answers.push({ what: `${r.request().method()} ${u.pathname.replace(/\/[a-z0-9-]{20,}/g, "/…")}`, bytes: b.byteLength }),
      () => answers.push({ what: `${r.request().method()} ${u.pathname}`, bytes: 0 }),
    );
  });
  return {
    reset: () => void (events.length = answers.length = 0),
    taken: () => ({ events: [...events], answers: [...answers] }),
  };
}

/** A second viewer of the 1,000-claim article, while another reviewer creates, edits and deletes one claim. */
async function liveUpdates(
  context: BrowserContext,
  large: Awaited<ReturnType<typeof createLargeArticle>>,
  reviewerCookie: string,
  viewerCookie: string,
) {
  const articleId = large.article.id;
  const page = await context.newPage();
  const stream = page.waitForResponse((r) => new URL(r.url()).pathname === "/api/events" && r.status() === 200);
  const got = await receiver(page);
  await page.goto(`${server.url}/articles/${articleId}`);
  await stream;
  await page.locator(".ProseMirror mark[data-claim-id]").first().waitFor();
  const send = async (method: string, path: string, body?: unknown) => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { Cookie: reviewerCookie, "Content-Type": "application/json", Origin: server.url, [APP_CLIENT_HEADER]: "web" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) throw new Error(`${method} ${path} answered ${r.status}`);
    return (await r.json()) as { id: string; version: number };
  };
  const mark = (id: string) => page.locator(`.ProseMirror mark[data-claim-id="${id}"]`);
  // Settled: the page shows the change, and nothing more arrives for 300 ms.
  const settle = async (shown: () => Promise<void>) => {
    await shown();
    for (let seen = -1; seen !== got.taken().answers.length + got.taken().events.length;) {
      seen = got.taken().answers.length + got.taken().events.length;
      await page.waitForTimeout(300);
    }
    return got.taken();
  };
  const kinds = { create: [] as Received[], edit: [] as Received[], delete: [] as Received[] };
  type Received = ReturnType<typeof got.taken>;
  for (let run = 0; run < RUNS; run++) {
    const start = 40 + run * 97;
    got.reset();
    const made = await send("POST", `/api/articles/${articleId}/claims`, {
      versionId: large.version.id,
      start,
      end: start + 30,
      verdict: "unsourced",
    });
    kinds.create.push(await settle(() => mark(made.id).first().waitFor()));
    got.reset();
    const edited = await send("PATCH", `/api/claims/${made.id}`, { version: made.version, verdict: "disputed" });
    kinds.edit.push(
      await settle(() => page.waitForSelector(`.ProseMirror mark[data-claim-id="${made.id}"][data-verdict="disputed"]`).then(() => {})),
    );
    got.reset();
    await send("DELETE", `/api/claims/${made.id}?version=${edited.version}`);
    kinds.delete.push(await settle(() => mark(made.id).first().waitFor({ state: "detached" })));
  }
  await page.close();

  // What one claim and the whole list weigh, read as the page reads them (the list in its pages).
  const read = async (path: string) => {
    const r = await fetch(`${server.url}${path}`, { headers: { Cookie: viewerCookie, [APP_CLIENT_HEADER]: "web" } });
    return {
      bytes: (await r.arrayBuffer()).byteLength,
      total: Number(r.headers.get("x-total-count")),
      size: Number(r.headers.get("x-page-size")),
    };
  };
  const some = await server.db.annotation.findFirstOrThrow({ where: { articleId, deletedAt: null }, select: { id: true } });
  const oneClaim = (await read(`/api/claims/${some.id}`)).bytes;
  let wholeList = 0;
  for (let n = 1, pages = 1; n <= pages; n++) {
    const page = await read(`/api/articles/${articleId}/claims?page=${n}`);
    wholeList += page.bytes;
    pages = Math.ceil(page.total / page.size);
  }
  console.log(
    `\nlive updates: a second viewer of the 1,000-claim article while another reviewer creates, edits and deletes one claim (median of ${RUNS} each)`,
  );
  console.log(`  ${"change".padEnd(8)} ${"event B".padStart(8)} ${"API B".padStart(7)} ${"total B".padStart(8)}  requests`);
  for (const [kind, rs] of Object.entries(kinds)) {
    const eventBytes = median(rs.map((r) => r.events.reduce((a, b) => a + b, 0)));
    const apiBytes = median(rs.map((r) => r.answers.reduce((a, b) => a + b.bytes, 0)));
    const total = median(rs.map((r) => r.events.reduce((a, b) => a + b, 0) + r.answers.reduce((a, b) => a + b.bytes, 0)));
    const requests = rs[rs.length - 1]!.answers.map((a) => a.what).join(", ") || "none";
    console.log(
      `  ${kind.padEnd(8)} ${String(eventBytes).padStart(8)} ${String(apiBytes).padStart(7)} ${String(total).padStart(8)}  ${median(rs.map((r) => r.answers.length))} (${requests})`,
    );
  }
  console.log(
    `  one claim's JSON (GET /api/claims/{id}) ${oneClaim} B; the whole claims list ${(wholeList / 1024).toFixed(0)} KB; target: about one claim's worth each`,
  );
}

const server = await startBenchServer("article-page", 3203);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: CHROMIUM_ARGS });
try {
  const team = await createTeam(server.db);
  const user = await createUser(server.db, { team, role: "editor" });
  const small = await createLargeArticle(server.db, { team, authorId: user.id, chars: 6_000, claims: 8, title: "Eight claims" });
  const large = await createLargeArticle(server.db, { team, authorId: user.id, chars: 50_000, claims: 1_000, title: "A thousand claims" });
  const cookie = await signInCookie(server.url, user.email);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies(cookiesFor(cookie, server.url));
  await context.addInitScript(OBSERVER);

  const article = (ids: number): Target => ({ text: ".article-viewer p", highlights: ".article-viewer [data-claim-id]", ids });
  const cases: [string, string, Target][] = [
    ["bare route (GET /api/ping)", "/api/ping", { text: "body", highlights: "", ids: 0 }],
    ["article list page (first row)", "/articles", { text: "[data-testid=article-row]", highlights: "", ids: 0 }],
    ["article, 8 claims", `/articles/${small.article.id}`, article(8)],
    ["article, 1,000 claims", `/articles/${large.article.id}`, article(1_000)],
  ];
  const results = new Map<string, Load[]>();
  for (let run = 0; run <= RUNS; run++) {
    for (const [name, path, target] of cases) {
      const r = await load(context, `${server.url}${path}`, target);
      // Run 0 warms the server, its caches and the browser's.
      if (run > 0) results.set(name, [...(results.get(name) ?? []), r]);
    }
  }
  const ms = (v: number | null) => (v === null ? "    –" : `${v.toFixed(0).padStart(5)}`);
  const floor = median(results.get(cases[0]![0])!.map((r) => r.text));
  const list = median(results.get(cases[1]![0])!.map((r) => r.text));
  console.log(`article-page: median of ${RUNS} loads (ms from navigation to painted; requests are API calls)`);
  console.log(`  ${"page".padEnd(32)} ${"text".padStart(5)} ${"hl".padStart(5)}  ×list  req<paint  req  html KB`);
  for (const [name] of cases) {
    const rs = results.get(name)!;
    const text = median(rs.map((r) => r.text));
    const hl = rs[0]!.highlights === null ? null : median(rs.map((r) => r.highlights!));
    const before = median(rs.map((r) => r.before));
    const total = median(rs.map((r) => r.total));
    console.log(
      `  ${name.padEnd(32)} ${ms(text)} ${ms(hl)}  ${((hl ?? text) / list).toFixed(2).padStart(5)}  ${String(before).padStart(9)}  ${String(total).padStart(3)}  ${(median(rs.map((r) => r.bytes)) / 1024).toFixed(0).padStart(7)}`,
    );
  }
  console.log(
    `  floor: bare route ${floor.toFixed(0)} ms; target: article text and highlights about as soon as the list page (${list.toFixed(0)} ms), 0 requests before paint`,
  );

  const reviewer = await createUser(server.db, { team, role: "reviewer" });
  await liveUpdates(context, large, await signInCookie(server.url, reviewer.email), cookie);
} finally {
  await browser.close();
  await server.stop();
}
