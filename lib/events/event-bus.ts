import { env } from "@/lib/env";
import { databaseKind } from "@/lib/db/database-url";
import { createMemoryBus } from "./memory-bus";
import { createPgBus } from "./pg-bus";
import { eventLogOf } from "./event-log";
import type { EventBus, LiveEvent } from "./live-event";

/** A bus for the database `url` names: LISTEN/NOTIFY on PostgreSQL, in-process on SQLite. */
export function createEventBus(url: string): EventBus {
  return databaseKind(url) === "postgres" ? createPgBus(url) : createMemoryBus();
}

const globalForBus = globalThis as unknown as { claimdeskBus?: EventBus };

/** This process's bus (one per process, kept across hot reloads). */
export function eventBus(): EventBus {
  globalForBus.claimdeskBus ??= createEventBus(env().DATABASE_URL);
  return globalForBus.claimdeskBus;
}

/**
 * Publishes a live event after a change was committed. Fire and forget: it
 * never throws and never delays the response.
 */
export function publishEvent(event: LiveEvent): void {
  void eventBus().publish(event);
}

/** The cursor of this instance's newest live event: a page rendered now hands it to its event stream, which replays what came after. */
export function eventCursor(): string {
  return eventLogOf(eventBus()).cursor();
}
