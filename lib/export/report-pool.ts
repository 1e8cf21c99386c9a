/**
 * Report files are built on worker threads, never on the server's event
 * loop: a PDF of the largest article the import accepts is seconds of
 * synchronous layout, and even an HTML report of thousands of claims is
 * tens of milliseconds. While a report builds, every other request (and
 * /api/ping) is answered at once.
 *
 * A small pool of long-lived workers (lib/export/report-worker.ts) takes
 * build tasks in order. Each task runs under the limits of
 * ./report-limits.ts: a worker past the time limit is stopped and replaced
 * (422); one that runs out of its own heap dies alone (422), never the
 * server; a file past the size limit is refused (413); and past the queue
 * length new builds are refused at once (503).
 *
 * Hand-rolled rather than a pool library (piscina, tinypool): Next's bundler
 * only builds a worker entry it sees as `new Worker(new URL(…, import.meta.url))`
 * in the app's own code, and those libraries create their workers from a
 * file path of their own. The pool is ~150 lines; the limits are the point.
 */
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import type { ReportFormat, ReportModel } from "./report-model";
import type { PdfOptions } from "./pdf";
import { reportLimits, type ReportLimits } from "./report-limits";

/** A task for a worker: every format of every model (the time limit applies to each file). */
export type RenderRequest = { id: number; models: ReportModel[]; formats: ReportFormat[]; opts: PdfOptions; maxBytes: number };

/** One built file, as UTF-8 (or PDF) bytes. */
export type RenderedFile = { articleId: string; format: ReportFormat; bytes: Uint8Array; contentType: string; filename: string };

/** A worker's answer to one task. */
export type RenderReply =
  | { ready: true }
  | { id: number; progress: number }
  | { id: number; files: RenderedFile[] }
  | { id: number; tooLarge: { format: ReportFormat; bytes: number } }
  | { id: number; failed: string };

type Task = {
  request: RenderRequest;
  resolve: (files: RenderedFile[]) => void;
  reject: (error: unknown) => void;
  signal?: AbortSignal;
};

/** A worker, `ready` once its modules are loaded (the time limit counts building only, not start-up). */
type Slot = { worker: Worker; ready: boolean; task: Task | null; timer: NodeJS.Timeout | null; filesDone: number };

const MB = 1024 * 1024;

/** The worker pool of this process (one per process even when Next loads this module in several route bundles). */
export class ReportPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;

  constructor(private readonly limits: ReportLimits) {}

  /** Builds every format of every model on a worker; rejects with an AppError past a limit. */
  render(models: ReportModel[], formats: ReportFormat[], opts: PdfOptions = {}, signal?: AbortSignal): Promise<RenderedFile[]> {
    // Tasks that would wait for a busy worker: those queued, less the workers free, starting, or yet to start.
    const free = this.slots.filter((s) => !s.task).length + this.limits.workers - this.slots.length;
    if (this.queue.length + 1 - free > this.limits.queue) {
      return Promise.reject(new AppError("UNAVAILABLE", `Too many reports are being built right now (CLAIMDESK_REPORT_QUEUE: ${this.limits.queue} waiting). Try again in a minute.`));
    }
    return new Promise((resolve, reject) => {
      const task: Task = { request: { id: this.nextId++, models, formats, opts, maxBytes: this.limits.maxBytes }, resolve, reject, signal };
      signal?.addEventListener("abort", () => {
        const at = this.queue.indexOf(task);
        if (at >= 0) {
          this.queue.splice(at, 1);
          reject(signal.reason);
        }
      }, { once: true });
      this.queue.push(task);
      this.dispatch();
    });
  }

  /** Stops every worker (tests and benchmarks; the server keeps its pool). */
  async close(): Promise<void> {
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private dispatch() {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => s.ready && !s.task);
      if (!slot) {
        // Start another worker unless enough are starting for what waits; dispatch runs again once one is ready.
        const starting = this.slots.filter((s) => !s.ready).length;
        if (this.slots.length < this.limits.workers && starting < this.queue.length) this.spawn();
        return;
      }
      const task = this.queue.shift()!;
      if (task.signal?.aborted) continue;
      slot.task = task;
      slot.worker.ref();
      slot.filesDone = 0;
      this.startClock(slot, task);
      slot.worker.postMessage(task.request);
    }
  }

  private spawn(): Slot {
    const options = { resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb } };
    // In the Next server, the literal `new Worker(new URL(…, import.meta.url))` is what the bundler turns into a
    // worker entry of the production build. Run from source (vitest, tsx, bench/), the entry is TypeScript: tsx
    // compiles it (its URL is built so that the bundler does not see a second reference to copy as an asset).
    const worker = process.env.NEXT_RUNTIME
      ? new Worker(new URL("./report-worker.ts", import.meta.url), options)
      : new Worker(`import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url.replace(/report-pool\.ts$/, "report-worker.ts"))}); });`, { ...options, eval: true });
    const slot: Slot = { worker, ready: false, task: null, timer: null, filesDone: 0 };
    worker.on("message", (reply: RenderReply) => this.settle(slot, reply));
    worker.on("error", (error: Error & { code?: string }) => {
      this.fail(slot, error.code === "ERR_WORKER_OUT_OF_MEMORY" && slot.task ? outOfMemory(this.limits, building(slot.task, slot.filesDone)) : error);
    });
    worker.on("exit", () => this.fail(slot, new Error("The report worker stopped.")));
    worker.unref();
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, reply: RenderReply) {
    if ("ready" in reply) {
      slot.ready = true;
      return this.dispatch();
    }
    const task = slot.task;
    if (!task || task.request.id !== reply.id) return;
    if ("progress" in reply) {
      slot.filesDone = reply.progress;
      return this.startClock(slot, task);
    }
    this.release(slot);
    if ("files" in reply) task.resolve(reply.files);
    else if ("tooLarge" in reply) task.reject(tooLarge(this.limits, reply.tooLarge.format, reply.tooLarge.bytes));
    else task.reject(new Error(`Building a report failed in its worker: ${reply.failed}`));
    this.dispatch();
  }

  /** The time limit counts per file built: (re)started when a task starts and after each file. */
  private startClock(slot: Slot, task: Task) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.fail(slot, tooSlow(this.limits, building(task, slot.filesDone))), this.limits.timeMs);
  }

  private release(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    slot.worker.unref();
  }

  /** The slot's worker is gone or must go: its task fails with `error`, and a fresh worker takes the queue. */
  private fail(slot: Slot, error: unknown) {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    const task = slot.task;
    this.release(slot);
    void slot.worker.terminate();
    task?.reject(error);
    this.dispatch();
  }
}

/** "the PDF report" (of "Title", in a task of several articles) that file number `done` of the task is. */
function building(task: Task, done: number): string {
  const { models, formats } = task.request;
  const format = formats[done % formats.length]!.toUpperCase();
  const model = models[Math.floor(done / formats.length)];
  return models.length > 1 && model ? `the ${format} report of “${model.article.title?.trim() || "Untitled article"}”` : `the ${format} report`;
}

function tooSlow(limits: ReportLimits, what: string) {
  return new AppError("UNPROCESSABLE", `Building ${what} took longer than the limit of ${limits.timeMs / 1000} s (CLAIMDESK_REPORT_TIME_LIMIT_MS). Try another format, or split the article.`, { field: "format" });
}

function outOfMemory(limits: ReportLimits, what: string) {
  return new AppError("UNPROCESSABLE", `Building ${what} needs more than the memory limit of ${limits.memoryMb} MB (CLAIMDESK_REPORT_MEMORY_MB). Try another format, or split the article.`, { field: "format" });
}

function tooLarge(limits: ReportLimits, format: ReportFormat, bytes: number) {
  return new AppError("PAYLOAD_TOO_LARGE", `The ${format.toUpperCase()} report would be ${(bytes / MB).toFixed(1)} MB, over the limit of ${limits.maxBytes / MB} MB (CLAIMDESK_REPORT_MAX_MB). Try another format, or split the article.`, { field: "format" });
}

const shared = globalThis as { claimdeskReportPool?: ReportPool };

/** The process's report pool, made on first use with the limits of the environment. */
export function reportPool(): ReportPool {
  return (shared.claimdeskReportPool ??= new ReportPool(reportLimits()));
}

/** One report file built off the event loop (GET /api/articles/{id}/report). */
export async function renderReportOffThread(model: ReportModel, format: ReportFormat, opts: PdfOptions = {}, signal?: AbortSignal): Promise<RenderedFile> {
  const [file] = await reportPool().render([model], [format], opts, signal);
  return file!;
}
