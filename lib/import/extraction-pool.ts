/**
 * Reading a page off the event loop. Extraction is synchronous CPU work:
 * on the 46-page evaluation set it takes about 60 ms a page, and a 10 MB
 * page takes seconds (decoding, parsing, Readability), far past the ~50 ms
 * a request may block the server. So pages are read in a worker thread.
 *
 * - One worker by default (`CLAIMDESK_EXTRACT_WORKERS`): the server has
 *   other requests to answer, and imports are rare.
 * - At most `CLAIMDESK_EXTRACT_QUEUE` (8) pages wait; past that the import
 *   gets a 429 at once instead of queueing without bound.
 * - A page gets `CLAIMDESK_EXTRACT_TIMEOUT_MS` (30 s) and the worker a heap
 *   limit (1.5 GB); past either the worker is ended, the import gets a 400
 *   naming the field, and the next page gets a fresh worker.
 * - Results are cached by content (16 entries): the preview reruns the
 *   import each time the user restores or drops a block, and the save
 *   after it, all with the same bytes.
 *
 * Loading: `new Worker(new URL("./extraction-worker.ts", import.meta.url))`
 * is the form Next's bundler (Turbopack) compiles into a worker chunk for
 * the production build. Outside Next (vitest, tsx scripts) the URL is the
 * TypeScript source, which the worker runs through tsx.
 */
import { createHash } from "node:crypto";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError, type AppErrorCode } from "@/lib/errors";
import type { PageReading, ReadJob } from "./read-page";

const WORKERS = Math.max(1, Number(process.env.CLAIMDESK_EXTRACT_WORKERS) || 1);
const QUEUE = Math.max(0, Number(process.env.CLAIMDESK_EXTRACT_QUEUE ?? 8));
const TIMEOUT_MS = Math.max(1000, Number(process.env.CLAIMDESK_EXTRACT_TIMEOUT_MS) || 30_000);
const HEAP_MB = 1536;
const CACHE_ENTRIES = 16;

type Pending = { id: number; job: ReadJob; resolve: (r: PageReading) => void; reject: (e: unknown) => void };
type Slot = { worker: Worker; busy: Pending | null; timer: NodeJS.Timeout | null };

type Pool = { slots: Slot[]; waiting: Pending[]; nextId: number; cache: Map<string, PageReading> };
// On globalThis, like the Prisma client: a development hot reload must not start a second pool.
const state = globalThis as unknown as { claimdeskExtraction?: Pool };
const pool: Pool = (state.claimdeskExtraction ??= { slots: [], waiting: [], nextId: 1, cache: new Map() });

/**
 * Inside Next's server bundle (which sets NEXT_RUNTIME) rather than running
 * from the TypeScript sources (vitest, tsx). Not `import.meta.url`: the
 * bundler keeps it pointing at the source file.
 */
const IN_NEXT = Boolean(process.env.NEXT_RUNTIME);

function spawn(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: HEAP_MB };
  if (!IN_NEXT) {
    // Node 20 does not apply --import loaders to worker threads: register tsx inside the worker, then load the entry.
    // (A path, not `new URL("./…", import.meta.url)`, which the bundler would copy as an asset.)
    const entry = pathToFileURL(path.join(path.dirname(fileURLToPath(import.meta.url)), "extraction-worker.ts")).href;
    const boot = `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
    return new Worker(boot, { eval: true, resourceLimits });
  }
  // Written inline as `new Worker(new URL(...))`: the form the bundler compiles into a worker chunk.
  return new Worker(new URL("./extraction-worker.ts", import.meta.url), { resourceLimits });
}

const field = (job: ReadJob) => job.field;

function fail(slot: Slot, error: unknown) {
  const pending = slot.busy;
  if (slot.timer) clearTimeout(slot.timer);
  slot.busy = null;
  slot.timer = null;
  pool.slots = pool.slots.filter((s) => s !== slot);
  void slot.worker.terminate();
  pending?.reject(error);
  pump();
}

function addSlot(): Slot {
  const slot: Slot = { worker: spawn(), busy: null, timer: null };
  slot.worker.on(
    "message",
    (m: { id: number; ok: boolean; result?: PageReading; error?: { code: AppErrorCode; message: string; field?: string } | null }) => {
      const pending = slot.busy;
      if (!pending || pending.id !== m.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.busy = null;
      slot.timer = null;
      if (m.ok) pending.resolve(m.result!);
      else if (m.error) pending.reject(new AppError(m.error.code, m.error.message, { field: m.error.field }));
      else pending.reject(new Error("Page extraction failed in the worker"));
      pump();
    },
  );
  // Out of memory or a crash: the page was too much to read.
  slot.worker.on("error", (e) => {
    const job = slot.busy?.job;
    console.error("Extraction worker died", e);
    fail(
      slot,
      job
        ? new AppError("INVALID_INPUT", "This page is too large or complex to read. Save the article's text and paste it instead.", {
            field: field(job),
          })
        : e,
    );
  });
  slot.worker.on("exit", () => {
    if (pool.slots.includes(slot)) fail(slot, new Error("Extraction worker exited"));
  });
  slot.worker.unref();
  pool.slots.push(slot);
  return slot;
}

function pump() {
  while (pool.waiting.length > 0) {
    const slot = pool.slots.find((s) => !s.busy) ?? (pool.slots.length < WORKERS ? addSlot() : null);
    if (!slot) return;
    const next = pool.waiting.shift()!;
    slot.busy = next;
    slot.timer = setTimeout(() => {
      fail(
        slot,
        new AppError(
          "INVALID_INPUT",
          `Reading this page took longer than ${TIMEOUT_MS / 1000} s. Save the article's text and paste it instead.`,
          { field: field(next.job) },
        ),
      );
    }, TIMEOUT_MS);
    // The bytes are copied, not transferred: the caller may read them again (a snapshot, a retry).
    slot.worker.postMessage({ id: next.id, job: next.job });
  }
}

function cacheKey(job: ReadJob): string {
  return createHash("sha256")
    .update(job.bytes)
    .update(`\0${job.format}\0${job.transportCharset ?? ""}\0${job.url ?? ""}\0${job.field}`)
    .digest("hex");
}

/** Read a page in the worker pool (see the module comment). Rejects with an AppError for the user, or 429 when the queue is full. */
export function readPageInWorker(job: ReadJob): Promise<PageReading> {
  const key = cacheKey(job);
  const cached = pool.cache.get(key);
  if (cached) {
    pool.cache.delete(key);
    pool.cache.set(key, cached);
    return Promise.resolve(cached);
  }
  const busy = pool.slots.filter((s) => s.busy).length;
  if (busy >= WORKERS && pool.waiting.length >= QUEUE) {
    return Promise.reject(new AppError("RATE_LIMITED", "The server is reading other pages right now. Try again in a moment."));
  }
  return new Promise<PageReading>((resolve, reject) => {
    pool.waiting.push({
      id: pool.nextId++,
      job,
      resolve: (r) => {
        pool.cache.set(key, r);
        while (pool.cache.size > CACHE_ENTRIES) pool.cache.delete(pool.cache.keys().next().value!);
        resolve(r);
      },
      reject,
    });
    pump();
  });
}
