import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import pg from "pg";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/db/database-url";
import { createMemoryBus } from "@/lib/events/memory-bus";
import { EVENT_CHANNEL, createPgBus } from "@/lib/events/pg-bus";
import { eventStreamResponse } from "@/lib/events/event-stream";
import type { EventBus, LiveEvent } from "@/lib/events/live-event";
import { annotateInRound, createRound } from "@/seeds/review-factories";
import { createArticle, createTeam, createUser } from "@/seeds/factories";
import { sealVisibility } from "@/lib/policies/visibility";
import { sseReader } from "../support/sse-reader";
import {
  callAs,
  ensureBuild,
  freePort,
  hasBuild,
  openEventStream,
  signInAt,
  startAppInstance,
  type AppInstance,
} from "../support/app-instance";

const url = process.env.DATABASE_URL!;
const onPostgres = databaseKind(url) === "postgres";
const opened: { bus: EventBus; abort: AbortController }[] = [];

/** An SSE client of `bus` in this process (no HTTP), for a member in no review round: the stream read through tests/support/sse-reader.ts. */
function sseClient(bus: EventBus, teamId: string, heartbeatMs?: number) {
  const abort = new AbortController();
  opened.push({ bus, abort });
  const visibility = sealVisibility({ id: "member", teamId, role: "editor" }, [], []);
  return {
    abort,
    ...sseReader(eventStreamResponse(bus, { teamId, visibility, reload: async () => visibility }, abort.signal, heartbeatMs).body!),
  };
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

  it.skipIf(onPostgres)("(SQLite: the two-instance test is skipped — it needs PostgreSQL: DATABASE_URL=postgresql://… npm test)", () => {
    // On SQLite there is one app instance, and the in-process bus above is the whole story.
    expect(databaseKind(url)).toBe("sqlite");
  });
});

describe.skipIf(!onPostgres)("the PostgreSQL bus", () => {
  it("after its LISTEN connection drops, listens again and closes the SSE streams, so browsers reconnect and refetch what they missed", async () => {
    const bus = createPgBus(url);
    const client = sseClient(bus, "team-gap");
    expect(await client.nextChunk()).toContain("retry: 3000");
    await bus.ready();
    const listeners = `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'claimdesk-events'`;
    const [before] = await db.$queryRawUnsafe<{ pid: number }[]>(listeners);
    expect(before).toBeDefined();
    // The server ends the session, as a restart or a network cut would.
    await db.$queryRawUnsafe(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'claimdesk-events'`,
    );

    // The stream ends once the bus listens again (after about a second)…
    let chunk: string | null = "";
    for (const until = Date.now() + 8000; chunk !== null && Date.now() < until;) chunk = await client.nextChunk(8000);
    expect(chunk).toBeNull();
    const [after] = await db.$queryRawUnsafe<{ pid: number }[]>(listeners);
    expect(after?.pid).toBeDefined();
    expect(after!.pid).not.toBe(before!.pid);
    // …and a new stream gets events again.
    const again = sseClient(bus, "team-gap");
    await again.nextChunk();
    await bus.publish(event("team-gap", "after-the-gap"));
    expect(await again.nextEvent(5000)).toEqual(event("team-gap", "after-the-gap"));
  });

  it("sends concurrent publishes one at a time on its one connection, and delivers them in order", async () => {
    const bus = createPgBus(url);
    opened.push({ bus, abort: new AbortController() });
    const received: string[] = [];
    bus.subscribe((e) => received.push(e.id));
    await bus.ready();
    // pg queues a query issued while its client is busy, but deprecates it (an error in pg 9): count overlaps.
    let inFlight = 0;
    let overlapped = 0;
    const query = pg.Client.prototype.query;
    const spy = vi.spyOn(pg.Client.prototype, "query").mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      if (++inFlight > 1) overlapped++;
      const result = (query as (...a: unknown[]) => unknown).apply(this, args);
      void Promise.resolve(result)
        .finally(() => inFlight--)
        .catch(() => {});
      return result as never;
    });
    try {
      const ids = Array.from({ length: 30 }, (_, i) => `burst-${i}`);
      await Promise.all(ids.map((id) => bus.publish(event("team-burst", id))));
      for (const until = Date.now() + 5000; received.length < ids.length && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 20));
      expect(received).toEqual(ids);
      expect(overlapped).toBe(0);
    } finally {
      spy.mockRestore();
    }
  });
});

/**
 * Two `next start` servers of the production build on the one test database,
 * as a newsroom would run them behind a load balancer. Nothing is shared
 * between them but PostgreSQL: each has its own bus on its own LISTEN
 * connection. A reviewer acts through instance A's API while an editor's
 * browser-like SSE client listens on instance B, and the other way round.
 */
describe.skipIf(!onPostgres)("two app instances on one PostgreSQL database", () => {
  let a: AppInstance | undefined;
  let b: AppInstance | undefined;
  const streams: { close: () => void }[] = [];

  beforeAll(
    async () => {
      ensureBuild();
      // Slots get different starting ports, so parallel runs do not probe the same ones.
      const first = await freePort(3190 + 2 * Number(process.env.CLAIMDESK_TEST_SLOT ?? 0));
      const second = await freePort(first + 1);
      [a, b] = await Promise.all([startAppInstance(first, url), startAppInstance(second, url)]);
    },
    hasBuild() ? 60_000 : 400_000,
  );

  afterAll(async () => {
    for (const s of streams.splice(0)) s.close();
    await Promise.all([a?.stop(), b?.stop()]);
  });

  /** Sessions of this database whose last statement is the bus's LISTEN: the instances ready to hear NOTIFY. */
  async function waitForListeners(n: number) {
    const until = Date.now() + 10_000;
    for (;;) {
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'claimdesk-events' AND state = 'idle' AND query = $1`,
        `LISTEN ${EVENT_CHANNEL}`,
      );
      if ((row?.n ?? 0) >= n) return;
      if (Date.now() > until) throw new Error(`only ${row?.n ?? 0} of ${n} instances are listening`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** A team with an editor, a reviewer and an open round in which the reviewer marked one phrase. */
  async function roundWithOneReviewer() {
    const team = await createTeam(db);
    const editor = await createUser(db, { team, role: "editor" });
    const reviewer = await createUser(db, { team, role: "reviewer" });
    const article = await createArticle(db, { team, text: "The minister said exports rose by 12 percent in May." });
    const version = { id: article.versions[0]!.id, articleId: article.id, text: article.versions[0]!.text };
    const round = await createRound(db, { team, version, createdById: editor.id, adjudicatorId: editor.id, reviewerIds: [reviewer.id] });
    const annotation = await annotateInRound(db, {
      team,
      roundId: round.id,
      version,
      authorId: reviewer.id,
      phrase: "exports rose by 12 percent",
      verdict: "verified",
    });
    return { team, editor, reviewer, article, round, annotation };
  }

  it("an event raised by a use case on one instance reaches an SSE client of the other, in both directions, for its team only", async () => {
    const ours = await roundWithOneReviewer();
    const theirs = await roundWithOneReviewer();
    // Each person signs in on one instance only.
    const [editorOnB, reviewerOnA, strangerOnA] = await Promise.all([
      signInAt(b!.url, ours.editor.email),
      signInAt(a!.url, ours.reviewer.email),
      signInAt(a!.url, theirs.reviewer.email),
    ]);

    const onB = await openEventStream(b!.url, editorOnB);
    const onA = await openEventStream(a!.url, reviewerOnA);
    streams.push(onB, onA);
    expect(onB.contentType).toContain("text/event-stream");
    await waitForListeners(2);

    // A: another team's reviewer submits, then ours (the last reviewer, so the round is revealed).
    const foreign = await callAs(a!.url, strangerOnA, "POST", `/api/reviews/${theirs.round.id}/submit`);
    expect(foreign.status).toBe(200);
    const submit = await callAs<{ status: string; version: number }>(a!.url, reviewerOnA, "POST", `/api/reviews/${ours.round.id}/submit`);
    expect(submit.status).toBe(200);
    expect(submit.body.status).toBe("revealed");

    // B's client sees our submit, and nothing of the other team's.
    const submitted: LiveEvent = {
      team: ours.team.id,
      article: ours.article.id,
      kind: "round",
      id: ours.round.id,
      version: submit.body.version,
    };
    expect((await onB.nextChange(5000)).event).toEqual(submitted);
    expect(onB.text()).not.toContain(theirs.round.id);
    expect(onB.text()).not.toContain(theirs.team.id);
    // A's own client gets it too: local events take the same NOTIFY path as remote ones.
    expect((await onA.nextChange(5000)).event).toEqual(submitted);
    const assignment = await db.roundAssignment.findFirstOrThrow({ where: { roundId: ours.round.id, reviewerId: ours.reviewer.id } });
    expect(assignment.submittedAt).not.toBeNull();

    // B: the editor decides the round's one cluster; the reviewer's client on A hears it.
    const cluster = await db.cluster.findFirstOrThrow({ where: { roundId: ours.round.id } });
    const decided = await callAs<{ status: string; version: number }>(b!.url, editorOnB, "POST", `/api/clusters/${cluster.id}/decisions`, {
      version: cluster.version,
      action: "accept",
      boundary: ours.annotation.id,
      verdict: "verified",
      rationale: "<p>Customs data for May agree.</p>",
    });
    expect(decided.status).toBe(201);
    expect(decided.body).toMatchObject({ status: "decided", version: cluster.version + 1 });
    // The reviewer's notification (their annotation was decided) comes beside the changes, in no fixed order.
    const decidedEvent = await onA.nextChange(5000);
    expect(decidedEvent.event).toEqual({
      team: ours.team.id,
      article: ours.article.id,
      kind: "cluster",
      id: cluster.id,
      version: cluster.version + 1,
    });
    // The last open cluster decided: the round is adjudicated, and A hears that as well.
    const adjudicated = await onA.nextChange(5000);
    expect(adjudicated.event).toMatchObject({ team: ours.team.id, kind: "round", id: ours.round.id });
    for (const n of [...decidedEvent.notifications, ...adjudicated.notifications])
      expect(n).toMatchObject({ team: ours.team.id, kind: "notification", article: null, version: null });
    expect(onA.text()).not.toContain(theirs.round.id);
    expect((await db.reviewRound.findUniqueOrThrow({ where: { id: ours.round.id } })).status).toBe("adjudicated");
  });

  it("refuses a signed-out event stream on either instance", async () => {
    for (const instance of [a!, b!]) {
      const res = await fetch(`${instance.url}/api/events`);
      expect(res.status).toBe(401);
      await res.body?.cancel();
    }
  });
});
