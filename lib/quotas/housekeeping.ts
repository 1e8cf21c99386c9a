import { pruneLoginThrottle } from "./prune-login-throttle";
import { sendDueDigests } from "@/lib/server/notifications/send-digests";

/** How often each app instance prunes the sign-in throttle table. */
export const HOUSEKEEPING_INTERVAL_MS = 5 * 60_000;

const shared = globalThis as unknown as { claimdeskHousekeeping?: NodeJS.Timeout };

/**
 * Starts the periodic clean-ups of tables that requests from outside can grow
 * (LoginThrottle, ./prune-login-throttle.ts), once per process: at start and
 * every few minutes, never keeping the process alive. (The write counters on
 * PostgreSQL are cleaned by rate-limiter-flexible itself, ./write-rate.ts.)
 * The same timer sends the daily notification digests that are due (when
 * SMTP_URL is set; claimed per member, so several instances send each once).
 * Started from instrumentation.ts when the server starts.
 */
export function startHousekeeping(): void {
  if (shared.claimdeskHousekeeping) return;
  const run = () =>
    Promise.all([
      pruneLoginThrottle().catch((e: unknown) => console.error("Pruning sign-in throttle rows failed", e)),
      sendDueDigests().catch((e: unknown) => console.error("Sending notification digests failed", e)),
    ]);
  void run();
  shared.claimdeskHousekeeping = setInterval(run, HOUSEKEEPING_INTERVAL_MS);
  shared.claimdeskHousekeeping.unref();
}
