/** Runs once when a server instance starts (Next.js instrumentation hook). */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startHousekeeping } = await import("@/lib/quotas/housekeeping");
  startHousekeeping();
  // Notification e-mails and daily digests (only when SMTP_URL is set).
  const { startMailScheduler } = await import("@/lib/server/notifications/mail-scheduler");
  startMailScheduler();
  // Claim assistance: load the NLP model on its worker before anyone asks for suggestions.
  const { warmAnalysisWorker } = await import("@/lib/server/assist/analyze-off-thread");
  warmAnalysisWorker();
  // Reports: start the report workers and let them lay out a few small reports, so the first export is not the slow one.
  const { reportPool } = await import("@/lib/server/reports/report-pool");
  void reportPool()
    .warm()
    .catch(() => undefined);
}
