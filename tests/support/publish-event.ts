/**
 * A second "app instance" for tests/integration/live-events.test.ts: a
 * separate process with its own bus and its own PostgreSQL connection, which
 * publishes one event and exits. Usage: tsx tests/support/publish-event.ts '<event JSON>'
 */
import { createEventBus } from "@/lib/events/event-bus";
import { parseLiveEvent } from "@/lib/events/live-event";

const url = process.env.DATABASE_URL;
const event = parseLiveEvent(process.argv[2] ?? "");
if (!url || !event) {
  console.error("Usage: DATABASE_URL=postgresql://… tsx tests/support/publish-event.ts '<event JSON>'");
  process.exit(2);
}
const bus = createEventBus(url);
await bus.publish(event);
await bus.close();
