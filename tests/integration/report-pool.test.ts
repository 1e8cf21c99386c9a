import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { renderReport } from "@/lib/export/render-report";
import { ReportPool } from "@/lib/server/reports/report-pool";
import type { ReportLimits } from "@/lib/server/reports/report-limits";
import { NO_WARM_UP, type WarmUpPlan } from "@/lib/server/reports/warm-up-plan";
import { makeReportModel } from "@/tests/fixtures/report-model";
import { makeDesk } from "../support/actors";

const LIMITS: ReportLimits = {
  timeMs: 30_000,
  memoryMb: 512,
  maxBytes: 64 * 1024 * 1024,
  workers: 1,
  queue: 4,
  zipMaxBytes: 1024 * 1024 * 1024,
  zipJobs: 2,
  warmUpPdfs: 0,
};
const pools: ReportPool[] = [];
const pool = (over: Partial<ReportLimits> = {}, warmUp: WarmUpPlan = NO_WARM_UP) => {
  const p = new ReportPool({ ...LIMITS, ...over }, { warmUp });
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

/** A text whose PDF takes seconds: 1 MiB of distinct words. */
const heavyText = () => Array.from({ length: 150_000 }, (_, i) => `w${(i * 7919).toString(36)}`).join(" ");

/** The AppError a promise rejects with. */
async function appError(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// Each pool starts a worker that loads the app's modules: a few seconds per pool under tsx, so the tests share them.
describe("report pool (reports loaded and built off the event loop, within limits)", () => {
  it("loads an article's report on a worker within the caller's team (another team's article is a 404), and builds the same bytes as the server thread would", async () => {
    const desk = await makeDesk(db);
    const other = await makeDesk(db);
    const p = pool();
    const viewer = { id: desk.editor.id, teamId: desk.team.id, role: desk.editor.role };
    const load = { baseUrl: "http://claimdesk.test" };
    const { files, reports } = await p.run({ kind: "article", viewer, articleId: desk.article.id, load, format: "csv" });
    expect(files.map((f) => f.format)).toEqual(["csv"]);
    expect(reports).toMatchObject([{ articleId: desk.article.id, title: "Test article", version: 1, claims: 0 }]);
    expect((await appError(p.run({ kind: "article", viewer, articleId: other.article.id, load, format: "csv" }))).status).toBe(404);

    const model = makeReportModel();
    const built = await p.render([model], ["html", "csv", "pdf"]);
    expect(built.map((f) => [f.format, f.articleId])).toEqual([
      ["html", model.article.id],
      ["csv", model.article.id],
      ["pdf", model.article.id],
    ]);
    const html = await renderReport(model, "html");
    expect(new TextDecoder().decode(built[0]!.bytes)).toBe(html.body);
    expect([built[0]!.filename, built[0]!.contentType]).toEqual([html.filename, html.contentType]);
    expect(Buffer.from(built[2]!.bytes).subarray(0, 5).toString()).toBe("%PDF-");
  }, 120_000);

  it("answers past each limit with the status and the limit's name: size 413, time 422 (the worker is replaced), queue 503", async () => {
    const p = pool({ timeMs: 3000, maxBytes: 6000, queue: 1 });
    const small = makeReportModel();
    // The clock starts once the worker has loaded: a small report builds well within the limit.
    expect((await p.render([small], ["csv"]))[0]!.format).toBe("csv");

    const large = await appError(p.render([small], ["html"]));
    expect([large.status, large.field]).toEqual([413, "format"]);
    expect(large.message).toMatch(/^The HTML report would be 0\.0 MB, over the limit of .* MB \(CLAIMDESK_REPORT_MAX_MB\)/);

    const slow = await appError(p.render([makeReportModel({ text: heavyText(), claims: [] })], ["pdf"]));
    expect([slow.status, slow.field]).toEqual([422, "format"]);
    expect(slow.message).toMatch(
      /^Building the PDF report of “[^”]+” took longer than the limit of 3 s \(CLAIMDESK_REPORT_TIME_LIMIT_MS\)/,
    );

    // A new worker takes the next tasks: one runs, one waits, the third is refused at once.
    const running = p.render([small], ["csv"]);
    const waiting = p.render([small], ["md"]);
    const refused = await appError(p.render([small], ["csv"]));
    expect(refused.status).toBe(503);
    expect(refused.message).toMatch(/CLAIMDESK_REPORT_QUEUE/);
    expect((await Promise.all([running, waiting])).map((f) => f[0]!.format)).toEqual(["csv", "md"]);
  }, 120_000);

  it("a build that runs out of its worker's heap fails alone with 422 naming the memory limit", async () => {
    const p = pool({ memoryMb: 48 });
    // A small report fits; an HTML report of 20,000 claims does not.
    expect((await p.render([makeReportModel()], ["html"]))[0]!.format).toBe("html");
    const words = Array.from({ length: 20_000 }, (_, i) => `claim${i} is here.`);
    let from = 0;
    const big = makeReportModel({
      text: words.join(" "),
      claims: words.map((exact) => ({ exact, verdict: "verified", from: (from += exact.length + 1) - exact.length - 1 })),
    });
    const error = await appError(p.render([big], ["html"]));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/needs more than the memory limit of 48 MB \(CLAIMDESK_REPORT_MEMORY_MB\)/);
  }, 120_000);

  it("warm() starts every worker and resolves once each has laid out its warm-up reports; a report asked for meanwhile goes first", async () => {
    const p = pool({ workers: 2, timeMs: 10_000 }, { reports: 3, pdfReports: 6 });
    const order: string[] = [];
    const warmed = p.warm().then(() => order.push("warmed"));
    const built = p.render([makeReportModel()], ["pdf"]).then((files) => {
      order.push("report");
      return files;
    });
    await Promise.all([warmed, built]);
    // The report was not kept waiting behind each worker's warm-up: three reports in every format, then six PDFs.
    expect(order).toEqual(["report", "warmed"]);
    expect(
      Buffer.from((await built)[0]!.bytes)
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");
    // Warm workers are not started again: a second call has nothing to wait for.
    const t0 = performance.now();
    await p.warm();
    expect(performance.now() - t0).toBeLessThan(50);
  }, 120_000);
});
