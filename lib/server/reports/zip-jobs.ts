import { randomUUID } from "node:crypto";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ZipJobDto } from "@/lib/schemas/report";

/**
 * ZIP jobs live in the memory of the app instance that builds them: a job
 * is a few seconds of work whose result is downloaded once, so it is not
 * worth a table. With several instances behind a load balancer, the
 * progress and download requests must reach the same instance (sticky
 * sessions); ARCHITECTURE.md notes this.
 */
export type ZipJob = {
  id: string;
  teamId: string;
  userId: string;
  status: ZipJobDto["status"];
  done: number;
  total: number;
  error: string | null;
  zip: Buffer | null;
  filename: string;
  finishedAt: number | null;
};

/** Finished jobs (and their ZIPs) are dropped this long after they finish. */
const KEEP_MS = 15 * 60 * 1000;
const MAX_JOBS = 50;

const store = ((globalThis as { claimdeskZipJobs?: Map<string, ZipJob> }).claimdeskZipJobs ??= new Map());

function sweep(now = Date.now()) {
  for (const [id, job] of store) if (job.finishedAt && now - job.finishedAt > KEEP_MS) store.delete(id);
  // Past the cap, the oldest finished jobs go first; running ones are never dropped.
  for (const [id, job] of store) if (store.size > MAX_JOBS && job.finishedAt) store.delete(id);
}

/** A new running job of `user`, or the one they already have running (one at a time each). */
export function openZipJob(user: CurrentUser, total: number, filename: string): { job: ZipJob; fresh: boolean } {
  sweep();
  const running = [...store.values()].find((j) => j.userId === user.id && j.teamId === user.teamId && j.status === "running");
  if (running) return { job: running, fresh: false };
  const job: ZipJob = { id: randomUUID(), teamId: user.teamId, userId: user.id, status: "running", done: 0, total, error: null, zip: null, filename, finishedAt: null };
  store.set(job.id, job);
  return { job, fresh: true };
}

/** The caller's own job, or undefined (another user's or team's job is indistinguishable from a missing one). */
export function findZipJob(user: CurrentUser, jobId: string): ZipJob | undefined {
  sweep();
  const job = store.get(jobId);
  return job && job.userId === user.id && job.teamId === user.teamId ? job : undefined;
}

export function toZipJobDto(job: ZipJob): ZipJobDto {
  return {
    id: job.id,
    status: job.status,
    done: job.done,
    total: job.total,
    downloadUrl: job.status === "done" ? `/api/reports/zip/${job.id}/download` : null,
    error: job.error,
  };
}
