/**
 * Worker thread of lib/server/assist/analyze-off-thread.ts: analyses texts
 * (lib/assist/analyze-text.ts) away from the server's event loop. Loaded with
 * tsx, as the repository's scripts are.
 */
import { parentPort } from "node:worker_threads";
import { analyzeText } from "./analyze-text";
import { compileAliases, type Alias } from "./aliases";
import { lowerThreadPriority } from "@/lib/runtime/lower-thread-priority";

lowerThreadPriority();

type Request = { id: number; text: string; aliases: Alias[] };

parentPort?.on("message", (m: Request) => {
  try {
    parentPort!.postMessage({ id: m.id, result: analyzeText(m.text, compileAliases(m.aliases)) });
  } catch (e) {
    parentPort!.postMessage({ id: m.id, error: e instanceof Error ? e.message : String(e) });
  }
});
