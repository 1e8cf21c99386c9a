import { EventEmitter } from "node:events";
import type { EventBus, LiveEvent } from "./live-event";

/** The in-process bus: enough for SQLite, which means one app instance. */
export function createMemoryBus(): EventBus {
  const emitter = new EventEmitter();
  // Every open SSE stream is a listener.
  emitter.setMaxListeners(0);
  return {
    async publish(event: LiveEvent) {
      emitter.emit("event", event);
    },
    subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
    async ready() {},
    async close() {
      emitter.removeAllListeners();
    },
  };
}
