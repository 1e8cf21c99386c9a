/**
 * Opening an article, in Debian's Chromium against the
 * production server: time from navigation to the article text painted and
 * to every highlight painted, for an article with 8 claims and one with
 * 1,000 (50,000 characters), beside two floors measured the same way in the
 * same run: a bare route (`/api/ping`, the round trip and a paint) and the
 * article list page (its first row). Also the API requests the page made
 * before its highlights were painted (target 0) and in all, once settled.
 * Median of RUNS loads after a warm-up load; `npm run bench article-page`.
 */
import { chromium, type BrowserContext } from "@playwright/test";
import { createTeam, createUser } from "@/seeds/factories";
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
      const ids = new Set([...document.querySelectorAll(t.highlights)].map((e) => e.getAttribute("data-claim-id")));
      if (ids.size >= t.ids) { marks.hlSeen = performance.now(); painted("highlights"); }
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
} finally {
  await browser.close();
  await server.stop();
}
