/**
 * Lowers the CPU priority of the calling thread (a worker thread that builds
 * reports, reads pages or analyses text), so that on a busy machine the
 * server thread's requests get the CPU first and a long export never delays
 * them: work moved off the event loop must not starve it from the next core.
 *
 * Linux keeps a nice value per thread, and setpriority(2) on a thread id
 * changes only that thread; Node exposes setpriority as `os.setPriority`
 * but not the thread's kernel id, which `/proc/thread-self` names. Elsewhere
 * (or where /proc is not mounted) this does nothing and the thread keeps the
 * process's priority. Raising one's own nice value needs no privilege.
 */
import { readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** The nice value background threads run at (0 is normal, 19 the lowest). */
export const WORKER_NICE = 10;

/** Sets this thread's nice value; returns whether it could. */
export function lowerThreadPriority(nice = WORKER_NICE): boolean {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    // Never raise it: a process started nicer than this stays so (and raising would need privilege).
    setPriority(tid, Math.max(nice, getPriority(tid)));
    return true;
  } catch {
    return false;
  }
}
