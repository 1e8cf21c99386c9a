import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The analysis worker holds its process only while an analysis is pending: a
 * script that asks for one gets its answer (the process does not end while it
 * waits), and ends on its own afterwards (an idle worker keeps nothing alive).
 * Each case is a separate process, as the benches and the CLI run.
 */
const dir = mkdtempSync(path.join(tmpdir(), "claimdesk-analyze-"));
const modulePath = path.resolve("lib/server/assist/analyze-off-thread.ts");
const run = (code: string) => {
  // A file, not `-e`: the worker inherits the process's flags, and `--input-type` is refused in a worker.
  const file = path.join(dir, `script-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code.replaceAll("MODULE", JSON.stringify(modulePath)));
  return spawnSync(process.execPath, ["--import", "tsx", file], {
    cwd: process.cwd(),
    encoding: "utf8",
    timeout: 45_000,
    env: { ...process.env, CLAIMDESK_ASSIST_INLINE: "" },
  });
};

describe("analyzeOffThread", () => {
  it("answers a script that awaits it, on the worker, and lets the script end afterwards", () => {
    const result = run(`
      const { analyzeOffThread } = await import(MODULE);
      const { isMainThread } = await import("node:worker_threads");
      const sentences = await analyzeOffThread("Stoltenberg visited Seoul on 29 January 2023. He met President Yoon.", []);
      console.log(JSON.stringify({ count: sentences.length, main: isMainThread, worker: globalThis.claimdeskAssistWorker !== null }));
    `);
    expect(result.signal, result.stderr).toBeNull();
    expect(result.status, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout.trim().split("\n").pop()!);
    expect(out).toEqual({ count: 2, main: true, worker: true });
  }, 60_000);

  it("keeps nothing alive once warmed and idle", () => {
    const result = run(`
      const { warmAnalysisWorker } = await import(MODULE);
      warmAnalysisWorker();
      setTimeout(() => console.log("done"), 10);
    `);
    expect(result.signal, result.stderr).toBeNull();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("done");
  }, 60_000);
});
