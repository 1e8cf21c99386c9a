/**
 * Every export is bounded, and past a bound the answer is a clear
 * 4xx whose JSON names the limit (and the field at fault), never a stalled
 * or dead server. On an app instance of its own with low limits
 * (docs/reports.md, "Limits", lists them and their defaults).
 */
import { test, expect, makeDesk, testDb } from "../support/fixtures";
import { freePort, signInAt, startAppInstance, type AppInstance } from "../support/app-instance";
import { createHeavyArticle, manyWords } from "../support/heavy-desk";
import { createArticle } from "@/seeds/factories";

test.describe.configure({ mode: "serial", timeout: 180_000 });

// The heavy article's PDF must run past the time limit: it takes about 4.5 s on a warmed worker (bench/export, "pdf
// distinct words"), and a 5 s limit let it finish on a fast run (a 413 for its size instead of the 422). Its Markdown
// and CSV take well under a second.
const LIMITS = { CLAIMDESK_REPORT_TIME_LIMIT_MS: "2000", CLAIMDESK_REPORT_MAX_MB: "1", CLAIMDESK_ZIP_MAX_MB: "1", CLAIMDESK_ZIP_JOBS: "1" };
let app: AppInstance;
let heavy: Awaited<ReturnType<typeof makeDesk>>;
let wide: Awaited<ReturnType<typeof makeDesk>>;
let heavyArticle: string;
const cookie: Record<"heavy" | "wide", string> = { heavy: "", wide: "" };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const db = testDb();
  heavy = await makeDesk();
  heavyArticle = (
    await createHeavyArticle(db, { team: heavy.team, editorId: heavy.editor.id, text: manyWords(), claims: 1000, title: "Heavy" })
  ).article.id;
  // A team whose reports are each small but whose ZIP is larger than 1 MB.
  wide = await makeDesk();
  for (let i = 0; i < 14; i++)
    await createArticle(db, { team: wide.team, text: manyWords(150_000), stripFurniture: false, meta: { title: `Wide ${i}` } });
  app = await startAppInstance(await freePort(3360 + Number(process.env.CLAIMDESK_TEST_SLOT ?? 0) * 20), process.env.DATABASE_URL!, LIMITS);
  cookie.heavy = await signInAt(app.url, heavy.editor.email);
  cookie.wide = await signInAt(app.url, wide.editor.email);
});
test.afterAll(async () => app?.stop());

const get = (who: keyof typeof cookie, path: string) => fetch(`${app.url}${path}`, { headers: { cookie: cookie[who] } });
const startZip = (who: keyof typeof cookie, formats: string[]) =>
  fetch(`${app.url}/api/reports/zip`, {
    method: "POST",
    headers: { cookie: cookie[who], "content-type": "application/json" },
    body: JSON.stringify({ formats }),
  });

async function finished(who: keyof typeof cookie, jobId: string) {
  let job = { status: "running", error: null as string | null, downloadUrl: null as string | null };
  await expect
    .poll(async () => (job = await (await get(who, `/api/reports/zip/${jobId}`)).json()).status, { timeout: 120_000, intervals: [200] })
    .not.toBe("running");
  return job;
}

test("a report past the size limit is a 413 and one past the time limit a 422, each JSON naming the limit and the field", async () => {
  const md = await get("heavy", `/api/articles/${heavyArticle}/report?format=md`);
  expect(md.status).toBe(413);
  expect(md.headers.get("content-type")).toContain("application/json");
  expect(await md.json()).toEqual({
    error: expect.stringMatching(/^The Markdown report would be \d+\.\d MB, over the limit of 1 MB \(CLAIMDESK_REPORT_MAX_MB\)/),
    field: "format",
  });

  const pdf = await get("heavy", `/api/articles/${heavyArticle}/report?format=pdf`);
  expect(pdf.status).toBe(422);
  expect(await pdf.json()).toEqual({
    error: expect.stringMatching(/^Building the PDF report took longer than the limit of 2 s \(CLAIMDESK_REPORT_TIME_LIMIT_MS\)/),
    field: "format",
  });

  // The same article in a format within the limits, from the worker that replaced the stopped one.
  const csv = await get("heavy", `/api/articles/${heavyArticle}/report?format=csv`);
  expect(csv.status).toBe(200);
  expect((await csv.text()).split("\r\n").length).toBeGreaterThan(1000);
});

test("team ZIPs: past the concurrent jobs a 503 naming the limit; a runaway article or a ZIP past its size fails the job, naming the limit", async () => {
  const running = await startZip("heavy", ["pdf"]);
  expect(running.status).toBe(202);
  const job = await running.json();
  // The heavy team's PDF takes until its time limit: meanwhile the instance's one ZIP slot is taken.
  const busy = await startZip("wide", ["md"]);
  expect(busy.status).toBe(503);
  expect(await busy.json()).toEqual({ error: expect.stringMatching(/CLAIMDESK_ZIP_JOBS/) });
  expect(await finished("heavy", job.id)).toMatchObject({
    status: "failed",
    downloadUrl: null,
    error: expect.stringMatching(
      /^The ZIP could not be built: Building the PDF report of “Heavy” took longer than the limit of 2 s \(CLAIMDESK_REPORT_TIME_LIMIT_MS\)/,
    ),
  });

  const wideJob = await (await startZip("wide", ["md"])).json();
  expect(await finished("wide", wideJob.id)).toMatchObject({
    status: "failed",
    error: expect.stringMatching(/^The ZIP could not be built: The ZIP would be larger than the limit of 1 MB \(CLAIMDESK_ZIP_MAX_MB\)/),
  });
  const download = await get("wide", `/api/reports/zip/${wideJob.id}/download`);
  expect(download.status).toBe(409);
  expect((await fetch(`${app.url}/api/ping`)).status).toBe(200);
});
