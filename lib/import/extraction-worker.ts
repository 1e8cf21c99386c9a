/**
 * Worker-thread entry of the extraction pool (extraction-pool.ts): reads
 * one page per message with readPage and posts the result back. An
 * AppError crosses the thread boundary as its code, message and field.
 */
import { parentPort } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { readPage, type ReadJob } from "./read-page";
import { lowerThreadPriority } from "@/lib/runtime/lower-thread-priority";

lowerThreadPriority();

parentPort?.on("message", (message: { id: number; job: ReadJob }) => {
  try {
    parentPort!.postMessage({ id: message.id, ok: true, result: readPage(message.job) });
  } catch (error) {
    const known = error instanceof AppError ? { code: error.code, message: error.message, field: error.field } : null;
    if (!known) console.error("Page extraction failed", error);
    parentPort!.postMessage({ id: message.id, ok: false, error: known });
  }
});
