/**
 * A small supervisor for the app process: `npm start` (scripts/start.ts)
 * runs the server under it, so that a process that dies (out of memory, a
 * native crash, kill -9) comes back by itself.
 *
 * - It logs why the process ended (exit code or signal) and restarts it
 *   after a backoff that doubles with each crash in the window
 *   (0.25 s, 0.5 s, 1 s, 2 s…, at most 30 s).
 * - After `maxCrashes` crashes within `windowMs` (default 5 in 60 s) it
 *   stops retrying and exits 1: a server that cannot stay up needs a person,
 *   and an outer supervisor (systemd, a container runtime) sees the failure.
 * - SIGINT, SIGTERM and SIGHUP are passed to the app; once it exits after
 *   one, the supervisor exits with it instead of restarting.
 *
 * The command is a parameter: `next start` today, any server entry tomorrow.
 * Hand-rolled: process managers (pm2, forever) bring a daemon, their own
 * logs and config for what is forty lines of child_process here.
 *
 * As a command: `tsx scripts/supervise.ts [--max-crashes N] [--window-ms N] -- command args…`.
 */
import { spawn, type ChildProcess } from "node:child_process";

export type SuperviseOptions = {
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Crashes within `windowMs` after which the supervisor gives up. */
  maxCrashes?: number;
  windowMs?: number;
  /** Delay before the restart after `crashes` recent crashes. */
  backoffMs?: (crashes: number) => number;
  /** Where the supervisor's own lines go (stderr by default). */
  log?: (line: string) => void;
};

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/** 0.25 s after the first crash, doubling, at most 30 s. */
export const defaultBackoff = (crashes: number) => Math.min(30_000, 250 * 2 ** Math.max(0, crashes - 1));

/** Why a process ended, in words. */
export const exitReason = (code: number | null, signal: NodeJS.Signals | null) =>
  signal ? `killed by ${signal}` : `exited with code ${code ?? "unknown"}`;

/** A running supervisor. */
export type Supervisor = {
  /** Resolves to the exit code the supervisor ends with. */
  done: Promise<number>;
  /** Passes `signal` to the app and ends once it exits, without a restart (what SIGINT, SIGTERM and SIGHUP do). */
  stop: (signal?: NodeJS.Signals) => void;
  /** The app process's id, while one runs. */
  pid: () => number | undefined;
};

/**
 * Runs `command` and restarts it whenever it dies, until it is stopped (a
 * signal to this process, or `stop`) or crashes too often.
 */
export function supervise(opts: SuperviseOptions): Supervisor {
  const { maxCrashes = 5, windowMs = 60_000, backoffMs = defaultBackoff, log = (l: string) => console.error(l) } = opts;
  const crashes: number[] = [];
  let child: ChildProcess | null = null;
  let stopping: NodeJS.Signals | null = null;
  let restartTimer: NodeJS.Timeout | null = null;
  let resolveDone!: (code: number) => void;
  const done = new Promise<number>((resolve) => (resolveDone = resolve));

  const stop = (signal: NodeJS.Signals = "SIGTERM") => {
    stopping = signal;
    if (restartTimer) {
      clearTimeout(restartTimer);
      finish(0);
    } else child?.kill(signal);
  };
  const finish = (code: number) => {
    for (const s of SIGNALS) process.off(s, stop);
    resolveDone(code);
  };
  for (const s of SIGNALS) process.on(s, stop);

  const start = () => {
    restartTimer = null;
    const started = Date.now();
    const current = spawn(opts.command, opts.args, { stdio: "inherit", env: opts.env ?? process.env });
    child = current;
    log(`[supervisor] app process ${current.pid} started`);
    current.on("error", (error) => log(`[supervisor] could not start ${opts.command}: ${error.message}`));
    current.on("exit", (code, signal) => {
      child = null;
      const reason = exitReason(code, signal);
      if (stopping) {
        log(`[supervisor] app process ${current.pid} ${reason} after ${stopping}; stopping`);
        return finish(code ?? 0);
      }
      const now = Date.now();
      crashes.push(now);
      while (crashes.length && now - crashes[0]! > windowMs) crashes.shift();
      const ran = `${current.pid} ${reason} after ${((now - started) / 1000).toFixed(1)} s`;
      if (crashes.length >= maxCrashes) {
        log(`[supervisor] app process ${ran}; ${crashes.length} crashes within ${windowMs / 1000} s: giving up`);
        return finish(1);
      }
      const delay = backoffMs(crashes.length);
      log(
        `[supervisor] app process ${ran}; restarting in ${(delay / 1000).toFixed(2)} s (crash ${crashes.length} of ${maxCrashes} within ${windowMs / 1000} s)`,
      );
      restartTimer = setTimeout(start, delay);
    });
  };
  start();
  return { done, stop, pid: () => child?.pid };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const argv = process.argv.slice(2);
  const dashes = argv.indexOf("--");
  const flags = dashes < 0 ? [] : argv.slice(0, dashes);
  const [command, ...args] = dashes < 0 ? argv : argv.slice(dashes + 1);
  const flag = (name: string) => {
    const at = flags.indexOf(name);
    return at >= 0 ? Number(flags[at + 1]) : undefined;
  };
  if (!command) {
    console.error("Usage: tsx scripts/supervise.ts [--max-crashes N] [--window-ms N] -- command args…");
    process.exit(2);
  }
  process.exit(await supervise({ command, args, maxCrashes: flag("--max-crashes"), windowMs: flag("--window-ms") }).done);
}
