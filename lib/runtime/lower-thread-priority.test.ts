import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";

/** A thread's nice value, from /proc: the 17th field after the command name's closing parenthesis in its stat. */
const niceOf = (tid: number) => Number(readFileSync(`/proc/self/task/${tid}/stat`, "utf8").split(") ")[1]!.split(" ")[16]);

describe.runIf(process.platform === "linux")("lowerThreadPriority", () => {
  it("lowers the calling worker thread's priority and leaves the server thread's as it was", async () => {
    const before = niceOf(process.pid);
    const modulePath = fileURLToPath(new URL("./lower-thread-priority.ts", import.meta.url));
    // A worker as the app starts them: tsx registered in the thread, then the TypeScript module.
    const worker = new Worker(
      `const { parentPort } = require("node:worker_threads");
       const { readlinkSync } = require("node:fs");
       import("tsx/esm/api")
         .then(({ register }) => { register(); return import(${JSON.stringify(modulePath)}); })
         .then((m) => parentPort.postMessage({ lowered: m.lowerThreadPriority(), tid: Number(readlinkSync("/proc/thread-self").split("/").pop()) }));`,
      { eval: true },
    );
    const { lowered, tid } = await new Promise<{ lowered: boolean; tid: number }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    expect(lowered).toBe(true);
    expect(niceOf(tid)).toBe(Math.max(before, 10));
    expect(niceOf(process.pid)).toBe(before);
    await worker.terminate();
  });
});
