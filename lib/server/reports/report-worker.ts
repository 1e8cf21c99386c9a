/**
 * The worker thread that loads and builds reports (./report-pool.ts starts
 * it). Everything a report costs happens here, off the server's event loop:
 * reading the rows (this thread has its own database connection), turning
 * rationales into plain text, and laying out the files (a PDF of a 1 MiB
 * article is seconds of synchronous layout). Each file comes back as bytes
 * whose buffer is transferred, not copied, to the server thread.
 */
import { parentPort, workerData } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { renderReport } from "@/lib/export/render-report";
import { claimReviewPage } from "@/lib/export/claimreview";
import { FORMAT_NAMES, reportTitle, type ReportModel } from "@/lib/export/report-model";
import { fileStem } from "@/lib/export/report-text";
import { loadReport } from "./load-report";
import { loadReports } from "./load-reports";
import { loadVisibility } from "@/lib/server/visibility/viewer";
import type { BuiltReport, RenderedFile, RenderReply, RenderRequest, ReportTask } from "./report-pool";
import { lowerThreadPriority } from "@/lib/runtime/lower-thread-priority";
import { pdfFallbackFont } from "@/lib/export/pdf-fonts";
import { NO_WARM_UP, warmUpPieces, type WarmUpPlan } from "./warm-up-plan";
import { warmUpModel } from "./warm-up-reports";

// Seconds of layout must not take the CPU from the server thread's requests.
lowerThreadPriority();

const encoder = new TextEncoder();
const post = (reply: RenderReply, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(reply, transfer);

async function modelsOf(task: ReportTask): Promise<ReportModel[]> {
  if (task.kind === "models") return task.models;
  // Blind review as the server thread would apply it: the member's visibility, read here (a sealed Visibility does not cross threads).
  const visibility = await loadVisibility(task.viewer);
  if (task.kind === "article") return [await loadReport(visibility, task.articleId, task.load)];
  return loadReports(visibility, task.articleIds, task.load);
}

/** Why an article's ClaimReview cannot be downloaded yet (the Export menu says the same before anyone asks). */
const CLAIMREVIEW_UNPUBLISHED =
  "ClaimReview links each claim to the public fact-check, and this one is not published: publish it first, or give the address where you publish the report (Published at).";

async function run({ id, task, opts, maxBytes }: RenderRequest) {
  const models = await modelsOf(task);
  const formats = task.kind === "article" ? [task.format] : task.formats;
  const files: RenderedFile[] = [];
  for (const model of models) {
    for (const format of formats) {
      if (format === "claimreview" && !claimReviewPage(model)) {
        // Markup for search engines needs a public page to point at; a ZIP leaves the file out rather than ship an empty one.
        if (task.kind === "article") throw new AppError("CONFLICT", CLAIMREVIEW_UNPUBLISHED, { field: "publishUrl" });
        continue;
      }
      // The time limit is per file: the pool restarts the clock, and names this file if it runs out.
      post({ id, building: `the ${FORMAT_NAMES[format]} report${task.kind === "article" ? "" : ` of “${reportTitle(model)}”`}` });
      const file = await renderReport(model, format, opts);
      const bytes =
        typeof file.body === "string"
          ? encoder.encode(file.body)
          : new Uint8Array(file.body.buffer, file.body.byteOffset, file.body.byteLength);
      if (bytes.byteLength > maxBytes) return post({ id, tooLarge: { format, bytes: bytes.byteLength } });
      files.push({ articleId: model.article.id, format, bytes, contentType: file.contentType, filename: file.filename });
    }
  }
  const reports = models.map((m): BuiltReport => ({
    articleId: m.article.id,
    stem: fileStem(m),
    title: m.article.title,
    version: m.version.number,
    claims: m.summary.total,
    verdicts: m.summary.byVerdict,
  }));
  // Small Buffers share Node's pool (one ArrayBuffer for many): those are copied, every other buffer moves.
  const transfer = files
    .map((f) => f.bytes.buffer)
    .filter(
      (b, i, all): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength === files[i]!.bytes.byteLength && all.indexOf(b) === i,
    );
  post({ id, files, reports }, transfer);
}

/** Tasks under way, and what waits for there to be none (the warm-up). */
let running = 0;
let idle: (() => void)[] = [];

parentPort!.on("message", (request: RenderRequest) => {
  running++;
  run(request)
    .catch((error: unknown) => {
      if (error instanceof AppError) post({ id: request.id, appError: { code: error.code, message: error.message, field: error.field } });
      else post({ id: request.id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    })
    .finally(() => {
      if (--running > 0) return;
      const waiting = idle;
      idle = [];
      for (const resume of waiting) resume();
    });
});

/**
 * Lays out the plan's small reports (./warm-up-reports.ts), one at a time and
 * only while no task runs, then says so. A warm-up that fails only ends the
 * warm-up: the next real report meets the same error and reports it.
 */
async function warmUp(plan: WarmUpPlan) {
  const opts = { fallbackFont: pdfFallbackFont() };
  try {
    for (const { n, formats } of warmUpPieces(plan)) {
      // A turn of the event loop first, so a task posted meanwhile starts before this piece.
      await new Promise((resolve) => setImmediate(resolve));
      while (running > 0) await new Promise<void>((resume) => idle.push(resume));
      const model = warmUpModel(n);
      for (const format of formats) await renderReport(model, format, opts);
    }
  } catch {
    // Nothing to warm further.
  }
  post({ warm: true });
}

// Modules are loaded: the pool may start the clock on a task.
post({ ready: true });
void warmUp((workerData as { warmUp?: WarmUpPlan } | undefined)?.warmUp ?? NO_WARM_UP);
