import { randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { CurrentUser } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { reportLimits } from "@/lib/server/reports/report-limits";
import type { ZipJobDto } from "@/lib/schemas/report";

/**
 * ZIP jobs live in the memory of the app instance that builds them: a job
 * is a few seconds of work whose result is downloaded once, so it is not
 * worth a table. With several instances behind a load balancer, the
 * progress and download requests must reach the same instance (sticky
 * sessions); docs/reports.md notes this.
 *
 * The ZIP itself is written to a temporary file (build-team-zip.ts), never
 * held in memory, and served from it. The number of jobs building at once
 * is capped (CLAIMDESK_ZIP_JOBS, 503 past it), and finished files are
 * deleted when their job is dropped.
 */
export type ZipJob = {
  id: string;
  teamId: string;
  userId: string;
  status: ZipJobDto["status"];
  done: number;
  total: number;
  error: string | null;
  /** The finished ZIP on disk, and its size. */
  file: string | null;
  bytes: number;
  filename: string;
  finishedAt: number | null;
};

/** Finished jobs (and their ZIPs) are dropped this long after they finish. */
const KEEP_MS = 15 * 60 * 1000;
/** Finished jobs kept at most; past it (or past the disk budget), the oldest go first. */
const MAX_JOBS = 50;
/** Finished ZIPs kept on disk at most, in units of the largest ZIP (CLAIMDESK_ZIP_MAX_MB). */
const DISK_BUDGET_ZIPS = 4;

const store = ((globalThis as { claimdeskZipJobs?: Map<string, ZipJob> }).claimdeskZipJobs ??= new Map());

function drop(id: string, job: ZipJob) {
  store.delete(id);
  if (job.file) rmSync(job.file, { force: true });
}

function sweep(now = Date.now()) {
  for (const [id, job] of store) if (job.finishedAt && now - job.finishedAt > KEEP_MS) drop(id, job);
  // Past the caps, the oldest finished jobs go first (a Map iterates in insertion order); running ones are never dropped.
  const budget = DISK_BUDGET_ZIPS * reportLimits().zipMaxBytes;
  let bytes = [...store.values()].reduce((sum, j) => sum + j.bytes, 0);
  for (const [id, job] of store) {
    if (!job.finishedAt || (store.size <= MAX_JOBS && bytes <= budget)) continue;
    bytes -= job.bytes;
    drop(id, job);
  }
}

const shared = globalThis as { claimdeskZipDir?: string };

/**
 * This process's folder for ZIPs being built and kept, under the system's
 * temporary folder. Made on first use, when the folders of processes that
 * no longer run (a crash, kill -9) are removed.
 */
export function zipDir(): string {
  if (shared.claimdeskZipDir) return shared.claimdeskZipDir;
  const root = path.join(tmpdir(), "claimdesk-zips");
  mkdirSync(root, { recursive: true });
  for (const name of readdirSync(root)) {
    const pid = Number(name);
    if (Number.isInteger(pid) && pid !== process.pid && !isRunning(pid)) rmSync(path.join(root, name), { recursive: true, force: true });
  }
  const dir = path.join(root, String(process.pid));
  mkdirSync(dir, { recursive: true });
  return (shared.claimdeskZipDir = dir);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * A new running job of `user`, or the one they already have running (one at
 * a time each). 503 when the instance already builds CLAIMDESK_ZIP_JOBS ZIPs.
 */
export function openZipJob(user: CurrentUser, total: number, filename: string): { job: ZipJob; fresh: boolean } {
  sweep();
  const runningJobs = [...store.values()].filter((j) => j.status === "running");
  const running = runningJobs.find((j) => j.userId === user.id && j.teamId === user.teamId);
  if (running) return { job: running, fresh: false };
  const { zipJobs } = reportLimits();
  if (runningJobs.length >= zipJobs) {
    throw new AppError(
      "UNAVAILABLE",
      `${zipJobs === 1 ? "A team ZIP is" : `${zipJobs} team ZIPs are`} being built right now, the most at once (CLAIMDESK_ZIP_JOBS). Try again in a few minutes.`,
    );
  }
  const job: ZipJob = {
    id: randomUUID(),
    teamId: user.teamId,
    userId: user.id,
    status: "running",
    done: 0,
    total,
    error: null,
    file: null,
    bytes: 0,
    filename,
    finishedAt: null,
  };
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
