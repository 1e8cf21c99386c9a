import { mailEnabled } from "@/lib/server/mail/send-mail";
import { deliverEachMail } from "./deliver-mail";

/** How often each app instance looks for notifications to e-mail one by one (the daily digests go with housekeeping, lib/quotas/housekeeping.ts). */
export const MAIL_INTERVAL_MS = 60_000;

type State = { timer?: NodeJS.Timeout; running?: Promise<void> | null; again?: boolean; recheck?: boolean };
const shared = globalThis as unknown as { claimdeskMail?: State };
const state = (): State => (shared.claimdeskMail ??= {});

/**
 * The e-mail scheduler: a timer in each server process (started from
 * instrumentation.ts when SMTP_URL is set) that sends each-as-it-happens
 * notifications. Several instances on one PostgreSQL run it side by side:
 * the passes claim rows (deliver-mail.ts) with conditional UPDATEs, so
 * nothing goes out twice.
 * Never keeps the process alive.
 */
export function startMailScheduler(): void {
  const s = state();
  if (s.timer || !mailEnabled()) return;
  runPass();
  s.timer = setInterval(runPass, MAIL_INTERVAL_MS);
  s.timer.unref();
}

/**
 * Runs a pass now (after a change made notifications to e-mail at once), in
 * this process; one at a time, and once more if woken during a pass.
 * `recheckWaiting`: blind review may have let go of notifications that were
 * waiting (a round was revealed), so look at them again at once.
 */
export function kickMailDelivery(opts: { recheckWaiting?: boolean } = {}): void {
  if (!mailEnabled()) return;
  const s = state();
  if (opts.recheckWaiting) s.recheck = true;
  runPass();
}

function runPass(): void {
  const s = state();
  if (s.running) {
    s.again = true;
    return;
  }
  const recheckWaiting = !!s.recheck;
  s.recheck = false;
  s.running = deliverEachMail(new Date(), { recheckWaiting })
    .then(() => undefined)
    .catch((e: unknown) => console.error("Sending notification e-mails failed", e))
    .finally(() => {
      s.running = null;
      if (s.again) {
        s.again = false;
        runPass();
      }
    });
}

/** Resolves once no pass is running in this process (tests wait on it). */
export async function mailIdle(): Promise<void> {
  while (state().running) await state().running;
}
