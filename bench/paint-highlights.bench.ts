/**
 * Opening an article with 1,000 claims: time until every highlight
 * is painted, on a 50,000-character article, in Debian's Chromium.
 * Target: painting 1,000 highlights ≤ 150 ms, from the viewer dispatching the
 * highlights (user-timing mark `claimdesk:highlights:start`) to the frame after
 * the last one is drawn. Also printed: from page open, and from the claims
 * response arriving. BENCH_PROFILE=1 prints the browser's top self-time functions.
 */
import { chromium } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { createArticle, createTeam, createUser } from "@/seeds/factories";
import { describeSpan } from "@/lib/anchoring/selectors";
import { importArticleText } from "@/lib/anchoring/strip-furniture";
import { codePointLength } from "@/lib/anchoring/offsets";
import { signInCookie, startBenchServer, percentile } from "./support/bench-server";

const CLAIMS = 1000;
const CHARS = 50_000;
const RUNS = 5;

const seeds = readdirSync("seeds/articles").filter((f) => f.endsWith(".txt")).map((f) => importArticleText(readFileSync(`seeds/articles/${f}`, "utf8")).text);
let text = "";
for (let i = 0; codePointLength(text) < CHARS; i++) text += (text ? "\n" : "") + seeds[i % seeds.length];
text = [...text].slice(0, CHARS).join("").trimEnd();

const server = await startBenchServer("paint-highlights", 3202);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
try {
  const team = await createTeam(server.db);
  const user = await createUser(server.db, { team, role: "editor" });
  const article = await createArticle(server.db, { team, text, stripFurniture: false });
  const version = article.versions[0]!;
  const length = codePointLength(version.text);
  // Claims of 20–120 characters spread over the text; every tenth nests inside its neighbour.
  const data = Array.from({ length: CLAIMS }, (_, i) => {
    const start = Math.floor((i * (length - 150)) / CLAIMS) + (i % 10 === 9 ? 5 : 0);
    const end = start + 20 + ((i * 37) % 100);
    const s = describeSpan(version.text, start, end);
    return { teamId: team.id, articleId: article.id, versionId: version.id, authorId: user.id, start, end, exact: s.quote.exact, prefix: s.quote.prefix, suffix: s.quote.suffix, verdict: (["verified", "disputed", "unsourced"] as const)[i % 3] };
  });
  await server.db.annotation.createMany({ data });
  const cookie = await signInCookie(server.url, user.email);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies(cookie.split("; ").map((c) => { const [name, ...v] = c.split("="); return { name: name!, value: v.join("="), url: server.url }; }));
  // A string, not a function: tsx would wrap named functions in a helper the page does not have.
  await context.addInitScript(`
    const marks = (window.__paint = {});
    const expected = ${CLAIMS};
    const check = () => {
      if (!marks.text && document.querySelector(".article-viewer .ProseMirror p")) marks.text = performance.now();
      if (marks.decorated) return;
      const ids = new Set([...document.querySelectorAll(".article-viewer [data-claim-id]")].map((e) => e.getAttribute("data-claim-id")));
      if (ids.size >= expected) {
        marks.decorated = performance.now();
        requestAnimationFrame(() => requestAnimationFrame(() => { marks.all = performance.now(); }));
      }
    };
    window.__observer = new MutationObserver(check);
    window.__observer.observe(document, { subtree: true, childList: true, attributes: true });
  `);

  const open: number[] = [];
  const paint: number[] = [];
  const highlight: number[] = [];
  const build: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const page = await context.newPage();
    const cdp = process.env.BENCH_PROFILE && run === RUNS ? await context.newCDPSession(page) : null;
    if (cdp) { await cdp.send("Profiler.enable"); await cdp.send("Profiler.setSamplingInterval", { interval: 100 }); await cdp.send("Profiler.start"); }
    await page.goto(`${server.url}/articles/${article.id}`);
    await page.waitForFunction(() => (window as unknown as { __paint: Record<string, number> }).__paint.all, null, { timeout: 15_000 }).catch(async (e) => {
      console.error("state:", await page.evaluate(() => ({ url: location.href, marks: (window as unknown as { __paint: unknown }).__paint, ids: new Set([...document.querySelectorAll(".article-viewer [data-claim-id]")].map((x) => x.getAttribute("data-claim-id"))).size, cards: document.querySelectorAll("[data-testid=claim-card]").length })));
      throw e;
    });
    const m: Record<string, number> = await page.evaluate(() => {
      const marks = (window as unknown as { __paint: Record<string, number> }).__paint;
      const claims = performance.getEntriesByType("resource").find((e) => e.name.endsWith("/claims")) as PerformanceResourceTiming | undefined;
      // The last time the full set was applied before it was seen painted.
      const starts = performance.getEntriesByName("claimdesk:highlights:start").map((e) => e.startTime).filter((t) => t <= marks.decorated!);
      const applied = performance.getEntriesByName("claimdesk:highlights:applied").map((e) => e.startTime).filter((t) => t <= marks.decorated!);
      return { ...marks, claimsArrived: claims?.responseEnd ?? 0, hlStart: Math.max(...starts), hlApplied: Math.max(...applied) };
    });
    if (cdp) {
      const { profile } = (await cdp.send("Profiler.stop")) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } ; hitCount: number }[]; samples: number[]; timeDeltas: number[] } };
      const self = new Map<string, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      profile.samples.forEach((id, i) => { const n = byId.get(id)!; const k = `${n.callFrame.functionName || "(anon)"} ${n.callFrame.url.split("/").pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000); });
      console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join("\n"));
    }
    if (run > 0) {
      // Run 0 warms the server and the browser cache.
      open.push(m.all!);
      paint.push(m.all! - Math.max(m.text!, m.claimsArrived));
      highlight.push(m.all! - m.hlStart);
      build.push(m.hlApplied - m.hlStart);
    }
    await page.close();
  }
  console.log(`paint-highlights: ${CLAIMS} claims on a ${length}-character article, ${RUNS} runs`);
  console.log(`  open → every highlight painted: p50 ${percentile(open, 50).toFixed(0)} ms`);
  console.log(`  claims response received (and text shown) → every highlight painted: p50 ${percentile(paint, 50).toFixed(0)} ms, max ${Math.max(...paint).toFixed(0)} ms (includes JSON parsing and React rendering)`);
  console.log(`  highlights dispatched → painted: p50 ${percentile(highlight, 50).toFixed(0)} ms, max ${Math.max(...highlight).toFixed(0)} ms (target ≤ 150); of which building and applying the decorations: p50 ${percentile(build, 50).toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
