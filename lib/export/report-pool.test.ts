import { afterAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { makeReportModel } from "@/tests/fixtures/report-model";
import { renderReport } from "./render-report";
import { ReportPool } from "./report-pool";
import type { ReportLimits } from "./report-limits";

const LIMITS: ReportLimits = { timeMs: 30_000, memoryMb: 512, maxBytes: 64 * 1024 * 1024, workers: 1, queue: 4, zipMaxBytes: 1024 * 1024 * 1024, zipJobs: 2 };
const pools: ReportPool[] = [];
const pool = (over: Partial<ReportLimits> = {}) => {
  const p = new ReportPool({ ...LIMITS, ...over });
  pools.push(p);
  return p;
};
afterAll(() => Promise.all(pools.map((p) => p.close())));

/** A text whose PDF takes seconds: 1 MiB of distinct words. */
const heavyText = () => Array.from({ length: 150_000 }, (_, i) => `w${(i * 7919).toString(36)}`).join(" ");

/** The AppError a promise rejects with. */
async function appError(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("report pool (issue 9: reports off the event loop, within limits)", () => {
  it("builds on a worker the same bytes as on the server thread, for every format asked", async () => {
    const model = makeReportModel();
    const files = await pool().render([model], ["html", "csv", "pdf"]);
    expect(files.map((f) => [f.format, f.articleId])).toEqual([["html", model.article.id], ["csv", model.article.id], ["pdf", model.article.id]]);
    const html = await renderReport(model, "html");
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe(html.body);
    expect(files[0]!.filename).toBe(html.filename);
    expect(files[0]!.contentType).toBe(html.contentType);
    expect(Buffer.from(files[2]!.bytes).subarray(0, 5).toString()).toBe("%PDF-");
  }, 60_000);

  it("stops a build past the time limit with 422 naming the limit, and the next build gets a fresh worker", async () => {
    const p = pool({ timeMs: 1000 });
    // The clock starts once the worker has loaded: a small report builds well within the limit.
    expect((await p.render([makeReportModel()], ["csv"]))[0]!.format).toBe("csv");
    const slow = await appError(p.render([makeReportModel({ text: heavyText(), claims: [] })], ["pdf"]));
    expect(slow.status).toBe(422);
    expect(slow.field).toBe("format");
    expect(slow.message).toMatch(/PDF report took longer than the limit of 1 s \(CLAIMDESK_REPORT_TIME_LIMIT_MS\)/);
    // The worker was stopped; a new one builds the next report.
    expect((await p.render([makeReportModel()], ["csv"]))[0]!.format).toBe("csv");
  }, 60_000);

  it("refuses a file past the size limit with 413 naming the limit", async () => {
    const error = await appError(pool({ maxBytes: 2000 }).render([makeReportModel()], ["html"]));
    expect(error.status).toBe(413);
    expect(error.field).toBe("format");
    expect(error.message).toMatch(/The HTML report would be 0\.0 MB, over the limit of .* MB \(CLAIMDESK_REPORT_MAX_MB\)/);
  }, 60_000);

  it("a build that runs out of its worker's heap fails alone with 422 naming the memory limit", async () => {
    const p = pool({ memoryMb: 32 });
    // A small report fits in 32 MB; an HTML report of 20,000 claims does not.
    expect((await p.render([makeReportModel()], ["html"]))[0]!.format).toBe("html");
    const words = Array.from({ length: 20_000 }, (_, i) => `claim${i} is here.`);
    const text = words.join(" ");
    let from = 0;
    const big = makeReportModel({ text, claims: words.map((exact) => ({ exact, verdict: "verified", from: (from += exact.length + 1) - exact.length - 1 })) });
    const error = await appError(p.render([big], ["html"]));
    expect(error.status).toBe(422);
    expect(error.message).toMatch(/HTML report needs more than the memory limit of 32 MB \(CLAIMDESK_REPORT_MEMORY_MB\)/);
  }, 60_000);

  it("answers 503 at once when the queue is full", async () => {
    const p = pool({ queue: 1 });
    const model = makeReportModel();
    const running = p.render([model], ["pdf"]);
    const waiting = p.render([model], ["pdf"]);
    const refused = await appError(p.render([model], ["pdf"]));
    expect(refused.status).toBe(503);
    expect(refused.message).toMatch(/CLAIMDESK_REPORT_QUEUE/);
    await expect(Promise.all([running, waiting])).resolves.toHaveLength(2);
  }, 60_000);
});
