import { EventEmitter } from "node:events";
import pg from "pg";
import { parseLiveEvent, type EventBus, type LiveEvent } from "./live-event";

/** The PostgreSQL channel every app instance listens on. */
export const EVENT_CHANNEL = "claimdesk_events";
const RECONNECT_MS = 1000;

/**
 * The bus for PostgreSQL: LISTEN/NOTIFY on one channel, so every app
 * instance on the database sees every event. One dedicated connection per
 * instance (LISTEN holds its session; a pooled connection would lose it).
 * Events are published with NOTIFY and delivered to local subscribers only
 * when they come back from the server, so there is one path for local and
 * remote events alike. A dropped connection is re-opened after a second;
 * events NOTIFYed meanwhile are lost, so once it listens again every
 * subscriber's `onGap` is called (the SSE stream then closes, and the browser
 * reconnects and refetches everything).
 */
export function createPgBus(connectionString: string): EventBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  /** The connection dropped since the last LISTEN: the next one that succeeds reports a gap. */
  let dropped = false;

  // While anyone listens, keep trying (every second) until the server answers again.
  const reconnectLater = () => {
    if (!closed && emitter.listenerCount("event") > 0) setTimeout(() => void connect().catch(reconnectLater), RECONNECT_MS);
  };

  const connect = (): Promise<pg.Client> => {
    if (client) return Promise.resolve(client);
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString, application_name: "claimdesk-events" });
      c.on("notification", (msg) => {
        const event = msg.channel === EVENT_CHANNEL && msg.payload ? parseLiveEvent(msg.payload) : null;
        if (event) emitter.emit("event", event);
      });
      const drop = () => {
        if (client !== c) return;
        client = null;
        dropped = true;
        c.end().catch(() => {});
        reconnectLater();
      };
      c.on("error", drop);
      c.on("end", drop);
      try {
        await c.connect();
        await c.query(`LISTEN ${EVENT_CHANNEL}`);
      } catch (e) {
        await c.end().catch(() => {});
        throw e;
      }
      client = c;
      if (dropped) {
        dropped = false;
        emitter.emit("gap");
      }
      return c;
    })().finally(() => {
      connecting = null;
    });
    return connecting;
  };

  // One NOTIFY at a time on the one connection: pg queues concurrent queries on
  // a client but deprecates it (an error in pg 9), and the chain keeps events in
  // the order they were published.
  let sending: Promise<void> = Promise.resolve();

  return {
    publish(event: LiveEvent) {
      sending = sending.then(async () => {
        try {
          const c = await connect();
          await c.query("SELECT pg_notify($1, $2)", [EVENT_CHANNEL, JSON.stringify(event)]);
        } catch (e) {
          console.error("Live event not published", (e as Error).message);
        }
      });
      return sending;
    },
    subscribe(listener, onGap) {
      emitter.on("event", listener);
      if (onGap) emitter.on("gap", onGap);
      void connect().catch((e) => {
        console.error("Live events: cannot LISTEN", (e as Error).message);
        // Not listening yet: keep trying, and report a gap once it works, as after a drop.
        dropped = true;
        reconnectLater();
      });
      return () => {
        emitter.off("event", listener);
        if (onGap) emitter.off("gap", onGap);
      };
    },
    async ready() {
      await connect();
    },
    async close() {
      closed = true;
      emitter.removeAllListeners();
      const c = client ?? (connecting ? await connecting.catch(() => null) : null);
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
