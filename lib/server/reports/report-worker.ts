/**
 * The worker thread that loads and builds reports (./report-pool.ts starts
 * it). Everything a report costs happens here, off the server's event loop:
 * reading the rows (this thread has its own database connection), turning
 * rationales into plain text, and laying out the files (a PDF of a 1 MiB
 * article is seconds of synchronous layout). Each file comes back as bytes
 * whose buffer is transferred, not copied, to the server thread.
 */
import { parentPort } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { renderReport } from "@/lib/export/render-report";
import { FORMAT_NAMES, reportTitle, type ReportModel } from "@/lib/export/report-model";
import { fileStem } from "@/lib/export/report-text";
import { loadReport } from "./load-report";
import { loadReports } from "./load-reports";
import { loadVisibility } from "@/lib/server/visibility/viewer";
import type { BuiltReport, RenderedFile, RenderReply, RenderRequest, ReportTask } from "./report-pool";
import { lowerThreadPriority } from "@/lib/runtime/lower-thread-priority";

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

async function run({ id, task, opts, maxBytes }: RenderRequest) {
  const models = await modelsOf(task);
  const formats = task.kind === "article" ? [task.format] : task.formats;
  const files: RenderedFile[] = [];
  for (const model of models) {
    for (const format of formats) {
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

parentPort!.on("message", (request: RenderRequest) => {
  run(request).catch((error: unknown) => {
    if (error instanceof AppError) post({ id: request.id, appError: { code: error.code, message: error.message, field: error.field } });
    else post({ id: request.id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });
});
// Modules are loaded: the pool may start the clock on a task.
post({ ready: true });
