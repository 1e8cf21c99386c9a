import { describe, expect, it } from "vitest";
import { defaultBackoff, supervise } from "./supervise";

/** Waits until `check` holds, polling every 20 ms (the supervisor's log is the signal). */
async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const node = (code: string) => ({ command: process.execPath, args: ["-e", code] });

describe("the supervisor (the server comes back)", () => {
  it("restarts an app that dies, saying why, and gives up after maxCrashes within the window", async () => {
    const lines: string[] = [];
    const s = supervise({ ...node("process.exit(3)"), maxCrashes: 3, windowMs: 60_000, backoffMs: () => 10, log: (l) => lines.push(l) });
    expect(await s.done).toBe(1);
    expect(lines.filter((l) => l.includes("started"))).toHaveLength(3);
    expect(lines.filter((l) => l.includes("exited with code 3"))).toHaveLength(3);
    expect(lines[1]).toMatch(/restarting in 0\.01 s \(crash 1 of 3 within 60 s\)/);
    expect(lines.at(-1)).toMatch(/exited with code 3 after .*; 3 crashes within 60 s: giving up/);
  });

  it("forgets crashes older than the window, so a process that crashes now and then keeps coming back", async () => {
    const lines: string[] = [];
    const s = supervise({
      ...node("setTimeout(() => process.exit(1), 60)"),
      maxCrashes: 2,
      windowMs: 40,
      backoffMs: () => 10,
      log: (l) => lines.push(l),
    });
    await until(() => lines.filter((l) => l.includes("started")).length >= 4);
    s.stop();
    expect(await s.done).toBe(0);
    expect(lines.some((l) => l.includes("giving up"))).toBe(false);
  });

  it("brings back an app killed with SIGKILL as a new process, and stops without a restart when asked", async () => {
    const lines: string[] = [];
    const s = supervise({ ...node("setInterval(() => {}, 1000)"), backoffMs: () => 10, log: (l) => lines.push(l) });
    await until(() => s.pid() !== undefined);
    const first = s.pid()!;
    process.kill(first, "SIGKILL");
    await until(() => s.pid() !== undefined && s.pid() !== first);
    expect(lines.some((l) => l.includes(`${first} killed by SIGKILL`) && l.includes("restarting"))).toBe(true);
    const second = s.pid()!;
    s.stop("SIGTERM");
    expect(await s.done).toBe(0);
    expect(lines.at(-1)).toMatch(new RegExp(`${second} killed by SIGTERM after SIGTERM; stopping`));
    expect(() => process.kill(second, 0)).toThrow();
  });

  it("backs off exponentially, up to 30 s", () => {
    expect([1, 2, 3, 4, 5, 20].map(defaultBackoff)).toEqual([250, 500, 1000, 2000, 4000, 30_000]);
  });
});
