/**
 * The worker thread that builds report files (lib/export/report-pool.ts
 * starts it). Building is CPU-bound and synchronous for long stretches (a
 * PDF of a 1 MiB article is seconds of layout), so it never runs on the
 * server's event loop. Each file comes back as UTF-8 bytes whose buffer is
 * transferred, not copied, to the server thread.
 */
import { parentPort } from "node:worker_threads";
import { renderReport } from "./render-report";
import type { RenderedFile, RenderReply, RenderRequest } from "./report-pool";

const encoder = new TextEncoder();
// Modules are loaded: the pool may start the clock on a task.
parentPort!.postMessage({ ready: true } satisfies RenderReply);

parentPort!.on("message", async (task: RenderRequest) => {
  try {
    const files: RenderedFile[] = [];
    for (const model of task.models) {
      for (const format of task.formats) {
        const file = await renderReport(model, format, task.opts);
        const bytes = typeof file.body === "string" ? encoder.encode(file.body) : new Uint8Array(file.body.buffer, file.body.byteOffset, file.body.byteLength);
        if (bytes.byteLength > task.maxBytes) {
          parentPort!.postMessage({ id: task.id, tooLarge: { format, bytes: bytes.byteLength } } satisfies RenderReply);
          return;
        }
        files.push({ articleId: model.article.id, format, bytes, contentType: file.contentType, filename: file.filename });
        // The time limit is per file: a task of many articles restarts the clock after each.
        parentPort!.postMessage({ id: task.id, progress: files.length } satisfies RenderReply);
      }
    }
    // Small Buffers share Node's pool (one ArrayBuffer for many): those are copied, every other buffer moves.
    const transfer = files.map((f) => f.bytes.buffer).filter((b, i, all): b is ArrayBuffer => b instanceof ArrayBuffer && b.byteLength === files[i]!.bytes.byteLength && all.indexOf(b) === i);
    parentPort!.postMessage({ id: task.id, files } satisfies RenderReply, transfer);
  } catch (error) {
    parentPort!.postMessage({ id: task.id, failed: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies RenderReply);
  }
});
