/**
 * Exports that cannot hurt the server: the PDF of a long run
 * without spaces, reports of the largest article the import accepts, and the
 * team ZIP of such articles build in seconds, and while they build the
 * server answers /api/ping in under 100 ms throughout.
 *
 * On an app instance of its own, so that only the export competes with the
 * pings (the suite's shared server serves other tests meanwhile).
 */
import JSZip from "jszip";
import { test, expect, makeDesk, testDb } from "../support/fixtures";
import { freePort, signInAt, startAppInstance, type AppInstance } from "../support/app-instance";
import { createHeavyArticle, manyWords, unbrokenRun } from "../support/heavy-desk";
import { pingSummary, samplePing, startControlServer } from "../support/ping-sampler";

test.describe.configure({ mode: "serial", timeout: 240_000 });

const PING_LIMIT_MS = 100;
/** No single ping may wait this long: the bug held every request for the whole export (6 s to 7 minutes). */
const STALL_LIMIT_MS = 1_000;
/** Pings enough for a 95th percentile that is not simply the slowest one. */
const MIN_PINGS = 30;
let app: AppInstance;
let control: Awaited<ReturnType<typeof startControlServer>>;
let desk: Awaited<ReturnType<typeof makeDesk>>;
let unbroken: string;
let words: string;
const cookies: Record<string, string> = {};

test.beforeAll(async () => {
  test.setTimeout(240_000);
  desk = await makeDesk();
  const db = testDb();
  unbroken = (
    await createHeavyArticle(db, { team: desk.team, editorId: desk.editor.id, text: unbrokenRun(), claims: 1000, title: "Unbroken run" })
  ).article.id;
  words = (
    await createHeavyArticle(db, { team: desk.team, editorId: desk.editor.id, text: manyWords(), claims: 1000, title: "Many words" })
  ).article.id;
  control = await startControlServer();
  app = await startAppInstance(await freePort(3300 + Number(process.env.CLAIMDESK_TEST_SLOT ?? 0) * 20), process.env.DATABASE_URL!);
  cookies.editor = await signInAt(app.url, desk.editor.email);
  cookies.reviewer = await signInAt(app.url, desk.reviewer.email);
  // A warm server: its report workers started (as after its first report), so the pings measure exports alone.
  expect((await report("editor", desk.article.id, "csv")).status).toBe(200);
  // The heavy articles are published, so the team ZIP builds their ClaimReview too (an unpublished article has none).
  for (const [id, slug] of [
    [unbroken, "unbroken-run"],
    [words, "many-words"],
  ]) {
    const published = await fetch(`${app.url}/api/articles/${id}/publication`, {
      method: "POST",
      headers: { cookie: cookies.editor, "content-type": "application/json" },
      body: JSON.stringify({ slug }),
    });
    expect(published.status).toBe(200);
  }
});
test.afterAll(async () => {
  control?.stop();
  await app?.stop();
});

/**
 * Runs `work` while pinging the server, and compares each ping with a bare
 * Node server answering on the same machine at the same moment
 * (tests/support/ping-sampler.ts), so the machine's own delays are not
 * counted against the app: 95% of pings within 100 ms of the bare server's,
 * and none more than a second behind. The bug this guards against held every
 * request for the whole export (6 s to 7 minutes); a 2-core machine running
 * the rest of the suite (or CI's neighbours) can hold one ping a few hundred
 * milliseconds on its own, which is why the hard bound is not 100 ms here.
 * `npm run bench` (bench/export.bench.ts) measures every ping on a quiet
 * machine against the 100 ms target.
 */
async function responsiveWhile<T>(label: string, work: () => Promise<T>): Promise<T> {
  const pings = samplePing(app.url, control.url);
  // A quick export (the HTML of the unbroken run takes about half a second) gave some ten pings, whose 95th percentile
  // is their slowest: one ping held by the loaded machine failed the suite once. So the work runs again (up to ten
  // times) until MIN_PINGS were taken while it ran.
  let result = await work();
  for (let again = 1; again < 10 && pings.count() < MIN_PINGS; again++) result = await work();
  const samples = await pings.stop();
  expect(samples.length, `${label}: pings were sampled`).toBeGreaterThan(3);
  test.info().annotations.push({ type: "pings", description: `${label}: ${pingSummary(samples)}` });
  const excess = samples.map((s) => s.app - s.control).sort((a, b) => a - b);
  const p95 = excess[Math.min(excess.length - 1, Math.ceil(excess.length * 0.95) - 1)]!;
  expect(p95, `${label}: the app's ping beyond the bare server's, 95th percentile (${pingSummary(samples)})`).toBeLessThan(PING_LIMIT_MS);
  expect(excess.at(-1)!, `${label}: the app's ping beyond the bare server's, at worst (${pingSummary(samples)})`).toBeLessThan(
    STALL_LIMIT_MS,
  );
  return result;
}

async function report(who: "editor" | "reviewer", articleId: string, format: string) {
  const t0 = performance.now();
  const res = await fetch(`${app.url}/api/articles/${articleId}/report?format=${format}`, { headers: { cookie: cookies[who]! } });
  const body = Buffer.from(await res.arrayBuffer());
  return { status: res.status, body, seconds: (performance.now() - t0) / 1000 };
}

test("a reviewer's PDF of a 1 MiB run without spaces and 1,000 claims builds in seconds; pings meanwhile within 100 ms of a bare server (p95), none stalled", async () => {
  // Before the fix, 16k characters took 6 s and 575 MB with the event loop blocked, and 1 MiB killed the process.
  const pdf = await responsiveWhile("PDF, unbroken run", () => report("reviewer", unbroken, "pdf"));
  expect(pdf.status).toBe(200);
  expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.seconds).toBeLessThan(60);
  const html = await responsiveWhile("HTML, unbroken run", () => report("editor", unbroken, "html"));
  expect(html.status).toBe(200);
  // Every claim is in the report.
  expect(html.body.toString().match(/id="claim-\d+"/g)).toHaveLength(1000);
});

test("the PDF of a 1 MiB article of distinct words and 1,000 claims builds in seconds; pings meanwhile within 100 ms of a bare server (p95), none stalled", async () => {
  const pdf = await responsiveWhile("PDF, 1 MiB of words", () => report("editor", words, "pdf"));
  expect(pdf.status).toBe(200);
  expect(pdf.body.subarray(0, 5).toString()).toBe("%PDF-");
  expect(pdf.seconds).toBeLessThan(60);
});

test("the team ZIP of such articles in every format is built and served; pings meanwhile within 100 ms of a bare server (p95), none stalled", async () => {
  const headers = { cookie: cookies.editor!, "content-type": "application/json" };
  const zip = await responsiveWhile("team ZIP", async () => {
    const started = await fetch(`${app.url}/api/reports/zip`, { method: "POST", headers, body: "{}" });
    expect(started.status).toBe(202);
    let job = (await started.json()) as {
      id: string;
      status: string;
      done: number;
      total: number;
      downloadUrl: string | null;
      error: string | null;
    };
    while (job.status === "running") {
      await new Promise((r) => setTimeout(r, 200));
      job = await (await fetch(`${app.url}/api/reports/zip/${job.id}`, { headers })).json();
    }
    expect(job).toMatchObject({ status: "done", done: 3, total: 3, error: null });
    const res = await fetch(`${app.url}${job.downloadUrl}`, { headers });
    expect(res.status).toBe(200);
    return JSZip.loadAsync(await res.arrayBuffer());
  });
  const names = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
  // Six formats of each article and index.csv, but the ClaimReview of the one article not published.
  expect(names).toHaveLength(3 * 6 + 1 - 1);
  expect(names.filter((n) => n.endsWith("-claimreview.jsonld")).map((n) => n.split("/")[0]!.replace(/^\d+-/, ""))).toEqual([
    "unbroken-run-v1",
    "many-words-v1",
  ]);
  const pdf = names.find((n) => n.includes("unbroken-run") && n.endsWith(".pdf"))!;
  expect((await zip.file(pdf)!.async("nodebuffer")).subarray(0, 5).toString()).toBe("%PDF-");
});
