import { afterEach, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { databaseKind } from "@/lib/db/database-url";
import { createEventBus } from "@/lib/events/event-bus";
import { createMemoryBus } from "@/lib/events/memory-bus";
import { eventStreamResponse } from "@/lib/events/event-stream";
import type { EventBus, LiveEvent } from "@/lib/events/live-event";

const url = process.env.DATABASE_URL!;
const onPostgres = databaseKind(url) === "postgres";
const decoder = new TextDecoder();
const opened: { bus: EventBus; abort: AbortController }[] = [];

/** An SSE client of `bus`: the stream's reader and a helper that waits for the next `data:` event. */
function sseClient(bus: EventBus, teamId: string, heartbeatMs?: number) {
  const abort = new AbortController();
  opened.push({ bus, abort });
  const reader = eventStreamResponse(bus, teamId, abort.signal, heartbeatMs).body!.getReader();
  let buffer = "";
  const nextChunk = async (timeoutMs = 5000) => {
    const timer = new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no SSE data in time")), timeoutMs));
    const { value, done } = await Promise.race([reader.read(), timer]);
    if (done) return null;
    buffer += decoder.decode(value);
    return buffer;
  };
  const nextEvent = async (): Promise<LiveEvent> => {
    for (;;) {
      const at = buffer.indexOf("data: ");
      const end = at >= 0 ? buffer.indexOf("\n\n", at) : -1;
      if (end >= 0) {
        const line = buffer.slice(at + 6, end);
        buffer = buffer.slice(end + 2);
        return JSON.parse(line) as LiveEvent;
      }
      if ((await nextChunk()) === null) throw new Error("stream closed");
    }
  };
  return { reader, abort, nextChunk, nextEvent, text: () => buffer };
}

afterEach(async () => {
  for (const { bus, abort } of opened.splice(0)) {
    abort.abort();
    await bus.close();
  }
});

const event = (team: string, id: string): LiveEvent => ({ team, article: "article-1", kind: "round", id, version: 2 });

describe("live events over server-sent events", () => {
  it("streams only the caller's team, sends heartbeats, and closes cleanly when the client leaves", async () => {
    const bus = createMemoryBus();
    const client = sseClient(bus, "team-a", 20);
    expect(await client.nextChunk()).toContain("retry: 3000");
    await bus.publish(event("team-b", "not-yours"));
    await bus.publish(event("team-a", "yours"));
    expect(await client.nextEvent()).toEqual(event("team-a", "yours"));
    await new Promise((r) => setTimeout(r, 60));
    await client.nextChunk();
    expect(client.text()).toContain(": ping");
    expect(client.text()).not.toContain("not-yours");
    client.abort.abort();
    // After the abort the stream ends and the bus no longer calls the listener.
    for (let chunk = await client.nextChunk(); chunk !== null; chunk = await client.nextChunk());
    await bus.publish(event("team-a", "after-close"));
  });

  it.skipIf(!onPostgres)("carries an event raised in one app instance to an SSE client of another instance on the same PostgreSQL database", async () => {
    // Instance B: this process, its own bus on its own dedicated connection, with an SSE client.
    const busB = createEventBus(url);
    await busB.ready();
    const client = sseClient(busB, "team-live");
    await client.nextChunk();

    // Instance A: a separate process with its own bus and connection (tests/support/publish-event.ts).
    const sent = event("team-live", `from-other-instance-${Date.now()}`);
    const other = event("team-elsewhere", "must-not-arrive");
    for (const e of [other, sent]) {
      const run = spawnSync("npx", ["tsx", "tests/support/publish-event.ts", JSON.stringify(e)], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
      expect(run.status, run.stderr).toBe(0);
    }
    expect(await client.nextEvent()).toEqual(sent);
    expect(client.text()).not.toContain("must-not-arrive");
  });

  it.skipIf(onPostgres)("(SQLite: the cross-instance LISTEN/NOTIFY test is skipped — it needs PostgreSQL: DATABASE_URL=postgresql://… npm test)", () => {
    // On SQLite there is one app instance, and the in-process bus above is the whole story.
    expect(databaseKind(url)).toBe("sqlite");
  });
});
