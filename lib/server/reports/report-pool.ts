/**
 * Reports are loaded and built on worker threads, never on the server's
 * event loop: a PDF of the largest article the import accepts is seconds of
 * synchronous layout, and reading a thousand claims and turning their
 * rationales into text is hundreds of milliseconds of JavaScript. While a
 * report builds, every other request (and /api/ping) is answered at once.
 *
 * A small pool of long-lived workers (./report-worker.ts) takes tasks in
 * order. Each task runs under the limits of ./report-limits.ts: a worker
 * past the time limit for one file is stopped and replaced (422); one that
 * runs out of its own heap dies alone (422), never the server; a file past
 * the size limit is refused (413); and past the queue length new tasks are
 * refused at once (503).
 *
 * Hand-rolled rather than a pool library (piscina, tinypool): Next's bundler
 * only builds a worker entry it sees as `new Worker(new URL(…, import.meta.url))`
 * in the app's own code, and those libraries create their workers from a
 * file path of their own. The pool is short; the limits are the point.
 */
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode } from "@/lib/errors";
import { FORMAT_NAMES, type ReportFormat, type ReportModel } from "@/lib/export/report-model";
import type { PdfOptions } from "@/lib/export/pdf";
import type { Verdict } from "@/lib/schemas/claim";
import type { VisibilitySeed } from "@/lib/server/visibility/viewer";
import type { LoadReportOptions } from "./load-report";
import { reportLimits, type ReportLimits } from "./report-limits";
import { NO_WARM_UP, serverWarmUp, type WarmUpPlan } from "./warm-up-plan";

/** What a worker loads and builds: every format of each report. */
export type ReportTask =
  /** Models already loaded (tests, benchmarks). */
  | { kind: "models"; models: ReportModel[]; formats: ReportFormat[] }
  /** One article's (or one round's) report, as GET /api/articles/{id}/report serves it. */
  | { kind: "article"; viewer: VisibilitySeed; articleId: string; load: LoadReportOptions; format: ReportFormat }
  /** Many articles' reports, loaded together (the team ZIP). */
  | { kind: "articles"; viewer: VisibilitySeed; articleIds: string[]; load: LoadReportOptions; formats: ReportFormat[] };

export type RenderRequest = { id: number; task: ReportTask; opts: PdfOptions; maxBytes: number };

/** One built file, as UTF-8 (or PDF) bytes. */
export type RenderedFile = { articleId: string; format: ReportFormat; bytes: Uint8Array; contentType: string; filename: string };

/** What the team ZIP's index.csv says of each report built. */
export type BuiltReport = {
  articleId: string;
  stem: string;
  title: string | null;
  version: number;
  claims: number;
  verdicts: Record<Verdict, number>;
};

/** A worker's messages. */
export type RenderReply =
  | { ready: true }
  | { warm: true }
  | { id: number; building: string }
  | { id: number; files: RenderedFile[]; reports: BuiltReport[] }
  | { id: number; tooLarge: { format: ReportFormat; bytes: number } }
  | { id: number; appError: { code: AppErrorCode; message: string; field?: string } }
  | { id: number; failed: string };

export type Built = { files: RenderedFile[]; reports: BuiltReport[] };
type Task = { request: RenderRequest; resolve: (built: Built) => void; reject: (error: unknown) => void; signal?: AbortSignal };

/**
 * A worker, `ready` once its modules are loaded (the time limit counts
 * building only, not start-up), and `warm` once it has laid out its
 * warm-up reports (`warmed` then resolves; also when the worker stops). A
 * worker keeps the process alive while it starts, warms up or builds.
 */
type Slot = {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  building: string;
  warm: boolean;
  warmed: Promise<void>;
  markWarm: () => void;
};

const MB = 1024 * 1024;

/**
 * The young generation of a worker's heap (three semi-spaces' worth). A report
 * allocates a great many short-lived objects (pdfkit and fontkit lay out
 * word by word); V8's default 48 MB made the collector a third of a PDF's
 * time, 192 MB cuts a PDF's CPU time by about a fifth. It grows only as
 * needed, and counts in the export memory figures of bench/export.bench.ts.
 */
const YOUNG_GENERATION_MB = 192;

/** The worker pool of this process (one per process even when Next loads this module in several route bundles). */
export class ReportPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;

  /**
   * `warmUp`: the small reports each worker lays out when it starts, while
   * it has no task (./warm-up-reports.ts); the server's pool lays out
   * serverWarmUp's, a pool made in a test none unless it says so.
   */
  constructor(
    private readonly limits: ReportLimits,
    private readonly options: { warmUp?: WarmUpPlan } = {},
  ) {}

  /**
   * Starts every worker the limits allow, and resolves once each has laid out
   * its warm-up reports: the server calls it at start (instrumentation.ts),
   * so the first export after a restart is not the slow one.
   */
  async warm(): Promise<void> {
    while (this.slots.length < this.limits.workers) this.spawn();
    await Promise.all(this.slots.map((s) => s.warmed));
  }

  /** Loads and builds `task` on a worker; rejects with an AppError past a limit (or one the loading threw: 404…). */
  run(task: ReportTask, opts: PdfOptions = {}, signal?: AbortSignal): Promise<Built> {
    // Tasks that would wait for a busy worker: those queued, less the workers free, starting, or yet to start.
    const free = this.slots.filter((s) => !s.task).length + this.limits.workers - this.slots.length;
    if (this.queue.length + 1 - free > this.limits.queue) {
      return Promise.reject(
        new AppError(
          "UNAVAILABLE",
          `Too many reports are being built right now (CLAIMDESK_REPORT_QUEUE: ${this.limits.queue} waiting). Try again in a minute.`,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const queued: Task = { request: { id: this.nextId++, task, opts, maxBytes: this.limits.maxBytes }, resolve, reject, signal };
      signal?.addEventListener(
        "abort",
        () => {
          const at = this.queue.indexOf(queued);
          if (at >= 0) {
            this.queue.splice(at, 1);
            reject(signal.reason);
          }
        },
        { once: true },
      );
      this.queue.push(queued);
      this.dispatch();
    });
  }

  /** Builds every format of models already loaded. */
  async render(models: ReportModel[], formats: ReportFormat[], opts: PdfOptions = {}): Promise<RenderedFile[]> {
    return (await this.run({ kind: "models", models, formats }, opts)).files;
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
      this.startClock(slot, "the report");
      slot.worker.postMessage(task.request);
    }
  }

  private spawn(): Slot {
    const options = {
      resourceLimits: { maxOldGenerationSizeMb: this.limits.memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
      workerData: { warmUp: this.options.warmUp ?? NO_WARM_UP },
    };
    // In the Next server, the literal `new Worker(new URL(…, import.meta.url))` is what the bundler turns into a
    // worker entry of the production build. Run from source (vitest, tsx, bench/), the entry is TypeScript: tsx
    // compiles it (its URL is built so that the bundler does not see a second reference to copy as an asset).
    const worker = process.env.NEXT_RUNTIME
      ? new Worker(new URL("./report-worker.ts", import.meta.url), options)
      : new Worker(
          `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url.replace(/report-pool\.ts$/, "report-worker.ts"))}); });`,
          { ...options, eval: true },
        );
    let markWarm = () => {};
    const warmed = new Promise<void>((resolve) => (markWarm = resolve));
    const slot: Slot = { worker, ready: false, task: null, timer: null, building: "the report", warm: false, warmed, markWarm };
    worker.on("message", (reply: RenderReply) => this.settle(slot, reply));
    worker.on("error", (error: Error & { code?: string }) => {
      this.fail(slot, error.code === "ERR_WORKER_OUT_OF_MEMORY" && slot.task ? outOfMemory(this.limits, slot.building) : error);
    });
    worker.on("exit", () => this.fail(slot, new Error("The report worker stopped.")));
    // A worker starting or warming up keeps the process alive (work waits for it); an idle warm one does not (release).
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, reply: RenderReply) {
    if ("warm" in reply) {
      slot.warm = true;
      slot.markWarm();
      if (!slot.task) slot.worker.unref();
      return;
    }
    if ("ready" in reply) {
      slot.ready = true;
      this.dispatch();
      return;
    }
    const task = slot.task;
    if (!task || task.request.id !== reply.id) return;
    if ("building" in reply) return this.startClock(slot, reply.building);
    this.release(slot);
    if ("files" in reply) task.resolve({ files: reply.files, reports: reply.reports });
    else if ("tooLarge" in reply) task.reject(tooLarge(this.limits, reply.tooLarge.format, reply.tooLarge.bytes));
    else if ("appError" in reply) task.reject(new AppError(reply.appError.code, reply.appError.message, { field: reply.appError.field }));
    else task.reject(new Error(`Building a report failed in its worker: ${reply.failed}`));
    this.dispatch();
  }

  /** The time limit counts per file: (re)started when a task starts and before each file, naming what is built. */
  private startClock(slot: Slot, building: string) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.building = building;
    slot.timer = setTimeout(() => this.fail(slot, tooSlow(this.limits, building)), this.limits.timeMs);
  }

  private release(slot: Slot) {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    if (slot.warm) slot.worker.unref();
  }

  /** The slot's worker is gone or must go: its task fails with `error`, and a fresh worker takes the queue. */
  private fail(slot: Slot, error: unknown) {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    slot.markWarm();
    const task = slot.task;
    this.release(slot);
    void slot.worker.terminate();
    task?.reject(error);
    this.dispatch();
  }
}

const sentence = (what: string) => what.charAt(0).toUpperCase() + what.slice(1);

function tooSlow(limits: ReportLimits, what: string) {
  return new AppError(
    "UNPROCESSABLE",
    `Building ${what} took longer than the limit of ${limits.timeMs / 1000} s (CLAIMDESK_REPORT_TIME_LIMIT_MS). Try another format, or split the article.`,
    { field: "format" },
  );
}

function outOfMemory(limits: ReportLimits, what: string) {
  return new AppError(
    "UNPROCESSABLE",
    `${sentence(what)} needs more than the memory limit of ${limits.memoryMb} MB (CLAIMDESK_REPORT_MEMORY_MB) to build. Try another format, or split the article.`,
    { field: "format" },
  );
}

function tooLarge(limits: ReportLimits, format: ReportFormat, bytes: number) {
  return new AppError(
    "PAYLOAD_TOO_LARGE",
    `The ${FORMAT_NAMES[format]} report would be ${(bytes / MB).toFixed(1)} MB, over the limit of ${limits.maxBytes / MB} MB (CLAIMDESK_REPORT_MAX_MB). Try another format, or split the article.`,
    { field: "format" },
  );
}

const shared = globalThis as { claimdeskReportPool?: ReportPool };

/** The process's report pool, made on first use with the limits of the environment. */
export function reportPool(): ReportPool {
  return (shared.claimdeskReportPool ??= new ReportPool(reportLimits(), { warmUp: serverWarmUp(reportLimits().warmUpPdfs) }));
}

/** One article's report file, loaded and built off the event loop (GET /api/articles/{id}/report). */
export async function buildReportFile(
  viewer: VisibilitySeed,
  articleId: string,
  load: LoadReportOptions,
  format: ReportFormat,
  opts: PdfOptions,
  signal?: AbortSignal,
): Promise<RenderedFile> {
  const seed = { id: viewer.id, teamId: viewer.teamId, role: viewer.role };
  const { files } = await reportPool().run({ kind: "article", viewer: seed, articleId, load, format }, opts, signal);
  return files[0]!;
}
