import { Worker } from "node:worker_threads";
import path from "node:path";
import { existsSync } from "node:fs";
import { analyzeText, type SentenceAnalysis } from "@/lib/assist/analyze-text";
import { compileAliases, type Alias } from "@/lib/assist/aliases";

/**
 * Analyses an article's text on a worker thread, so the tens to hundreds of
 * milliseconds of NLP for a long article (wink-nlp plus entities, speakers
 * and features) never block the server's event loop. One worker per process,
 * started on first use (it loads the model once) and kept; requests queue in
 * it. Where no worker can run (no source file, tsx missing, a crash, or
 * CLAIMDESK_ASSIST_INLINE=1) the analysis runs inline, as before: slower for
 * other requests meanwhile, never wrong.
 */
// Built at run time from parts: the bundler must not try to bundle the worker (it runs from the source tree, through tsx).
const WORKER_FILE = [process.cwd(), "lib", "assist", "analyze-worker.mjs"].join(path.sep);
const TIMEOUT_MS = 30_000;

type Pending = { resolve: (r: SentenceAnalysis[]) => void; reject: (e: Error) => void; timer: NodeJS.Timeout };
const state = globalThis as unknown as { claimdeskAssistWorker?: { worker: Worker; pending: Map<number, Pending>; seq: number } | null };

function startWorker() {
  if (state.claimdeskAssistWorker !== undefined) return state.claimdeskAssistWorker;
  if (process.env.CLAIMDESK_ASSIST_INLINE === "1" || !existsSync(WORKER_FILE)) return (state.claimdeskAssistWorker = null);
  try {
    const worker = new Worker(/* turbopackIgnore: true */ WORKER_FILE);
    const entry = { worker, pending: new Map<number, Pending>(), seq: 0 };
    worker.on("message", (m: { id: number; result?: SentenceAnalysis[]; error?: string }) => {
      const p = entry.pending.get(m.id);
      if (!p) return;
      settle(entry, m.id);
      clearTimeout(p.timer);
      if (m.result) p.resolve(m.result);
      else p.reject(new Error(m.error ?? "analysis failed"));
    });
    const fail = (e: unknown) => {
      console.error("Claim assistance worker stopped; analysing inline from now on", e);
      state.claimdeskAssistWorker = null;
      for (const p of entry.pending.values()) {
        clearTimeout(p.timer);
        p.reject(e instanceof Error ? e : new Error(String(e)));
      }
      entry.pending.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => code !== 0 && fail(new Error(`worker exited with ${code}`)));
    // Held only while an analysis is pending, so an idle worker never keeps a finished script alive (after the
    // listeners: adding a "message" listener refs the worker's port again).
    worker.unref();
    return (state.claimdeskAssistWorker = entry);
  } catch (e) {
    console.error("Claim assistance worker could not start; analysing inline", e);
    return (state.claimdeskAssistWorker = null);
  }
}

type Entry = NonNullable<typeof state.claimdeskAssistWorker>;

function settle(entry: Entry, id: number) {
  entry.pending.delete(id);
  if (entry.pending.size === 0) entry.worker.unref();
}

/**
 * Starts the worker and has it load its model now, so the first person to ask
 * for suggestions does not wait for the start (about 0.5 s of the worker's CPU).
 * Called once when a server starts; the warm-up runs at the worker's lowered
 * priority and nothing waits for it.
 */
export function warmAnalysisWorker() {
  void analyzeOffThread("Claimdesk starts.", []).catch(() => undefined);
}

/** The analysis of `text` with the team's aliases, off the event loop when a worker runs. */
export async function analyzeOffThread(text: string, aliases: Alias[]): Promise<SentenceAnalysis[]> {
  const entry = startWorker();
  if (!entry) return analyzeText(text, compileAliases(aliases));
  const id = ++entry.seq;
  try {
    return await new Promise<SentenceAnalysis[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        settle(entry, id);
        reject(new Error("analysis timed out"));
      }, TIMEOUT_MS);
      timer.unref();
      entry.pending.set(id, { resolve, reject, timer });
      entry.worker.ref();
      entry.worker.postMessage({ id, text, aliases });
    });
  } catch {
    // The worker failed this one: the answer still comes, inline.
    return analyzeText(text, compileAliases(aliases));
  }
}
