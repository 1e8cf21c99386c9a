import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { findZipJob, toZipJobDto } from "./zip-jobs";

/** GET /api/reports/zip/{id}: the progress of the caller's own ZIP job. */
export function getZipJob(user: CurrentUser, jobId: string) {
  const job = findZipJob(user, jobId);
  if (!job) throw notFound("This export has expired or does not exist. Start it again.");
  return toZipJobDto(job);
}

/** GET /api/reports/zip/{id}/download: the finished ZIP's file (409 with the progress while it is still building). */
export function downloadZipJob(user: CurrentUser, jobId: string) {
  const job = findZipJob(user, jobId);
  if (!job) throw notFound("This export has expired or does not exist. Start it again.");
  if (job.status !== "done" || !job.file)
    throw new AppError("CONFLICT", job.error ?? "The ZIP is still being built.", { current: toZipJobDto(job) });
  // Streamed from its file: a ZIP of hundreds of MB never sits in memory.
  const body = Readable.toWeb(createReadStream(job.file)) as ReadableStream<Uint8Array>;
  return { body, length: job.bytes, contentType: "application/zip", filename: job.filename };
}
