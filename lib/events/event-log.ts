/**
 * The recent live events of one app instance, numbered, so a browser that
 * missed some (between the server rendering its page and its event stream
 * opening, or while it reconnected) gets exactly those, instead of
 * refetching everything.
 *
 * The log is the one subscriber of its bus; SSE streams subscribe to the log
 * and read from it, so an event is either in what a stream replays or in what
 * it receives live, never both and never neither. Each event gets a cursor,
 * `<epoch>.<seq>`: the epoch names this log's unbroken run of events (a new
 * one when the process starts, and whenever the bus reports a gap), so a
 * cursor from another instance, an earlier process or before a gap is
 * recognised as unknown, and the stream tells the browser to resync (refetch
 * once). The log keeps the last CAPACITY events; an older cursor resyncs too.
 */
import { randomBytes } from "node:crypto";
import type { EventBus, LiveEvent } from "./live-event";

/** Events kept for replay: a few minutes of a busy desk's changes. */
export const LOG_CAPACITY = 2048;

/** An event as the log numbered it. */
export type LoggedEvent = { seq: number; event: LiveEvent };

export type EventLog = {
  /** The cursor of the newest event logged so far (what a page rendered now has seen). */
  cursor(): string;
  /** The cursor of entry `seq` in the current epoch. */
  cursorOf(seq: number): string;
  /**
   * The logged events after `cursor`, oldest first; null when they cannot be
   * known (another epoch, or older than the log keeps).
   */
  since(cursor: string): LoggedEvent[] | null;
  /** Calls `listener` for every event logged from now on; `onGap` when the epoch ends (events may be lost). Returns the unsubscribe. */
  subscribe(listener: (entry: LoggedEvent) => void, onGap?: () => void): () => void;
};

const newEpoch = () => randomBytes(6).toString("base64url");

/** A log of `bus`'s events (normally one per bus: {@link eventLogOf}). */
export function createEventLog(bus: EventBus, capacity = LOG_CAPACITY): EventLog {
  let epoch = newEpoch();
  let seq = 0;
  let entries: LoggedEvent[] = [];
  const listeners = new Set<{ listener: (entry: LoggedEvent) => void; onGap?: () => void }>();
  bus.subscribe(
    (event) => {
      const entry = { seq: ++seq, event };
      entries.push(entry);
      if (entries.length > capacity * 1.5) entries = entries.slice(-capacity);
      for (const l of listeners) l.listener(entry);
    },
    () => {
      epoch = newEpoch();
      entries = [];
      for (const l of [...listeners]) l.onGap?.();
    },
  );
  const cursorOf = (n: number) => `${epoch}.${n}`;
  return {
    cursor: () => cursorOf(seq),
    cursorOf,
    since(cursor) {
      const dot = cursor.lastIndexOf(".");
      const after = Number(cursor.slice(dot + 1));
      if (dot < 0 || cursor.slice(0, dot) !== epoch || !Number.isInteger(after) || after < 0 || after > seq) return null;
      if (after === seq) return [];
      const oldest = entries[0]?.seq ?? seq + 1;
      // Kept: entries from `oldest`; the events after `after` must all be among them.
      if (after + 1 < oldest || entries.length === 0) return null;
      return entries.slice(after + 1 - oldest);
    },
    subscribe(listener, onGap) {
      const l = { listener, onGap };
      listeners.add(l);
      return () => void listeners.delete(l);
    },
  };
}

/**
 * Where a bus keeps its log: a registered symbol on the bus itself, not a
 * module's own map, since Next bundles this module separately for pages and
 * for route handlers, and a page's cursor must name the log its event stream reads.
 */
const LOG = Symbol.for("claimdesk.eventLog");

/** The log of `bus`, made on first use and kept as long as the bus. */
export function eventLogOf(bus: EventBus): EventLog {
  const holder = bus as EventBus & { [LOG]?: EventLog };
  return (holder[LOG] ??= createEventLog(bus));
}
