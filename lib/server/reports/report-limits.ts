/**
 * The bounds on building reports and team ZIPs, read once from the
 * environment. Defaults are far above what a newsroom's honest work needs
 * (the largest article the import accepts, 1 MiB of text with thousands of
 * claims, builds in seconds in every format) and stop a report from taking
 * the server's memory or time. docs/reports.md ("Limits") lists them.
 */
import { availableParallelism } from "node:os";
import { z } from "zod";

const MB = 1024 * 1024;

const int = (min: number, fallback: number) => z.coerce.number().int().min(min).default(fallback);

const schema = z.object({
  /** Longest build of one report (one article, one format), in ms; the worker is stopped past it (422). */
  CLAIMDESK_REPORT_TIME_LIMIT_MS: int(100, 30_000),
  /** Heap of a report worker, in MB; a build that needs more stops that worker alone (422). */
  CLAIMDESK_REPORT_MEMORY_MB: int(64, 512),
  /** Largest report file, in MB (413). */
  CLAIMDESK_REPORT_MAX_MB: int(1, 64),
  /**
   * Worker threads that load and build reports: one per core, up to 4. The
   * server's thread stays responsive beside them (it only hands work over),
   * and a team ZIP builds on all of them at once.
   */
  CLAIMDESK_REPORT_WORKERS: int(1, Math.max(1, Math.min(4, availableParallelism()))),
  /** Builds that may wait for a worker; past it, 503 with Retry-After. */
  CLAIMDESK_REPORT_QUEUE: int(0, 32),
  /** Largest team ZIP, in MB, counted while it is written to a temporary file. */
  CLAIMDESK_ZIP_MAX_MB: int(1, 2048),
  /** Team ZIPs being built at once on an instance (one per user as well); past it, 503. */
  CLAIMDESK_ZIP_JOBS: int(1, 2),
  /** Small PDFs each worker lays out at start after the small reports in every format (./warm-up-reports.ts); 0: none. */
  CLAIMDESK_REPORT_WARM_UP_PDFS: int(0, 150),
});

/** The limits in the units the code uses. */
export type ReportLimits = {
  timeMs: number;
  memoryMb: number;
  maxBytes: number;
  workers: number;
  queue: number;
  zipMaxBytes: number;
  zipJobs: number;
  /** Not a bound: how many small PDFs each worker lays out when it starts. */
  warmUpPdfs: number;
};

let cached: ReportLimits | undefined;

/** The report limits, from the environment (empty strings count as unset); a bad value fails loudly, naming it. */
export function reportLimits(): ReportLimits {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([k, v]) => k.startsWith("CLAIMDESK_") && v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  cached = {
    timeMs: e.CLAIMDESK_REPORT_TIME_LIMIT_MS,
    memoryMb: e.CLAIMDESK_REPORT_MEMORY_MB,
    maxBytes: e.CLAIMDESK_REPORT_MAX_MB * MB,
    workers: e.CLAIMDESK_REPORT_WORKERS,
    queue: e.CLAIMDESK_REPORT_QUEUE,
    zipMaxBytes: e.CLAIMDESK_ZIP_MAX_MB * MB,
    zipJobs: e.CLAIMDESK_ZIP_JOBS,
    warmUpPdfs: e.CLAIMDESK_REPORT_WARM_UP_PDFS,
  };
  return cached;
}
