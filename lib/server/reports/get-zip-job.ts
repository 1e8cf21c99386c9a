import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { findZipJob, toZipJobDto } from "./zip-jobs";

/** GET /api/reports/zip/{id}: the progress of the caller's own ZIP job. */
export function getZipJob(user: CurrentUser, jobId: string) {
  const job = findZipJob(user, jobId);
  if (!job) throw notFound("This export has expired or does not exist. Start it again.");
  return toZipJobDto(job);
}

/** GET /api/reports/zip/{id}/download: the finished ZIP (409 with the progress while it is still building). */
export function downloadZipJob(user: CurrentUser, jobId: string) {
  const job = findZipJob(user, jobId);
  if (!job) throw notFound("This export has expired or does not exist. Start it again.");
  if (job.status !== "done" || !job.zip) throw new AppError("CONFLICT", job.error ?? "The ZIP is still being built.", { current: toZipJobDto(job) });
  return { body: job.zip, contentType: "application/zip", filename: job.filename };
}
