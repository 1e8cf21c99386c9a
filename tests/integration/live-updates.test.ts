/**
 * Live updates that cost one claim, under blind review:
 * changes made through the use cases reach each viewer's event stream as
 * ids, versions and flags only, filtered by the viewer's Visibility, live
 * and when replayed from a cursor (a page rendered earlier, a reconnect);
 * the one read an event costs (GET /api/claims/{id}: getClaim) answers a
 * hidden draft with the same 404 as a missing one. Runs on this database's
 * own bus (in-process on SQLite, LISTEN/NOTIFY on PostgreSQL).
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { eventBus } from "@/lib/events/event-bus";
import { eventLogOf } from "@/lib/events/event-log";
import { eventStreamResponse, HEARTBEAT_MS } from "@/lib/events/event-stream";
import type { LiveEvent } from "@/lib/events/live-event";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { getClaim } from "@/lib/server/claims/get-claim";
import { loadVisibility, viewerOf } from "@/lib/server/visibility/viewer";
import { asCurrentUser, makeBlindDesk, type BlindDesk } from "../support/blind-desk";
import { errorCode } from "../support/error-code";
import { sseReader } from "../support/sse-reader";

type Who = "editor" | "blindEditor" | "author" | "coReviewer";
const WIRE_KEYS = ["team", "article", "kind", "id", "version", "removed", "outcome", "text"];

let d: BlindDesk;
const aborts: AbortController[] = [];

beforeEach(async () => {
  d = await makeBlindDesk(db);
  // The PostgreSQL bus hears its own NOTIFY only once it listens.
  await (eventBus() as { ready?: () => Promise<void> }).ready?.();
});

afterEach(() => {
  for (const a of aborts.splice(0)) a.abort();
});

const as = (who: Who) => viewerOf(asCurrentUser(d[who], d.team));

/** `who`'s event stream as /api/events opens it, from `after` when given. */
async function stream(who: Who, after: string | null = null) {
  const abort = new AbortController();
  aborts.push(abort);
  const user = asCurrentUser(d[who], d.team);
  const response = eventStreamResponse(
    eventBus(),
    { teamId: d.team.id, visibility: await loadVisibility(user), reload: () => loadVisibility(user) },
    abort.signal,
    HEARTBEAT_MS,
    after,
  );
  const reader = sseReader(response.body!);
  await reader.nextChunk();
  /** The events received up to the one naming `marker`. */
  const until = async (marker: string) => {
    const seen: LiveEvent[] = [];
    for (;;) {
      const e = await reader.nextEvent(8000);
      if (!e.id) continue; // a resync: no object
      seen.push(e);
      if (e.id === marker) return seen;
    }
  };
  return { ...reader, until };
}

describe("live updates under blind review", () => {
  it("a draft's change reaches its author as id and version only, and nobody else hears of it or can read it, live or replayed", async () => {
    const before = eventLogOf(eventBus()).cursor();
    const [ann, ben, bea, eve] = await Promise.all([stream("author"), stream("coReviewer"), stream("blindEditor"), stream("editor")]);

    // Ann edits her hidden draft, then deletes it; Eve edits her own note on X; the marker: Eve's claim on Y.
    const secret = `changed-rationale-${d.tag}`;
    const edited = await updateClaim(await as("author"), d.hidden.id, { version: 1, verdict: "unsourced", rationale: `<p>${secret}</p>` });
    await deleteClaim(await as("author"), d.hidden.id, edited.version);
    const note = await updateClaim(await as("editor"), d.editorNote.id, { version: 1, verdict: "disputed" });
    const marker = await updateClaim(await as("editor"), d.visibleClaim.id, { version: 1, verdict: "verified" });

    const annSeen = await ann.until(d.visibleClaim.id);
    // Ann reviews X blind: of X she hears only of her own draft, and nothing of its content.
    expect(annSeen).toEqual([
      { team: d.team.id, article: d.x.id, kind: "annotation", id: d.hidden.id, version: edited.version },
      { team: d.team.id, article: d.x.id, kind: "annotation", id: d.hidden.id, version: edited.version + 1, removed: true },
      { team: d.team.id, article: d.y.id, kind: "annotation", id: d.visibleClaim.id, version: marker.version, outcome: true },
    ]);
    for (const e of annSeen) expect(Object.keys(e).every((k) => WIRE_KEYS.includes(k))).toBe(true);
    expect(ann.text()).not.toContain(secret);

    // Her co-reviewers (a reviewer and an editor) hear of the marker only: no id, no version of X's work.
    for (const [who, reader] of [
      ["coReviewer", ben],
      ["blindEditor", bea],
    ] as const) {
      expect(
        (await reader.until(d.visibleClaim.id)).map((e) => e.id),
        who,
      ).toEqual([d.visibleClaim.id]);
      for (const s of [...d.secrets[who], secret]) expect(reader.text().includes(s), `${who}: ${s}`).toBe(false);
    }
    // An editor outside the round hears of her note (a final claim: `outcome`) and the marker, not of the draft.
    const eveSeen = await eve.until(d.visibleClaim.id);
    expect(eveSeen.map((e) => [e.id, e.version, !!e.outcome])).toEqual([
      [d.editorNote.id, note.version, true],
      [d.visibleClaim.id, marker.version, true],
    ]);
    expect(eve.text()).not.toContain(d.hidden.id);

    // A stream opened later from the cursor before the changes (a page rendered then, or a reconnect) replays them through the same rule.
    const benLate = await stream("coReviewer", before);
    expect((await benLate.until(d.visibleClaim.id)).map((e) => e.id)).toEqual([d.visibleClaim.id]);
    for (const s of d.secrets.coReviewer) expect(benLate.text().includes(s), s).toBe(false);
    const eveLate = await stream("editor", before);
    expect((await eveLate.until(d.visibleClaim.id)).map((e) => e.id)).toEqual([d.editorNote.id, d.visibleClaim.id]);
  });

  it("the one read an event costs goes through the same rule: a hidden draft is a 404 for everyone but its author", async () => {
    await updateClaim(await as("author"), d.hidden.id, { version: 1, verdict: "unsourced" });
    for (const who of ["coReviewer", "blindEditor", "editor"] as const)
      expect(await errorCode(getClaim(await as(who), d.hidden.id)), who).toBe("404:");
    expect(await errorCode(getClaim(await as("coReviewer"), d.editorNote.id))).toBe("404:");
    const own = await getClaim(await as("author"), d.hidden.id);
    expect([own.id, own.version, own.verdict]).toEqual([d.hidden.id, 2, "unsourced"]);
    expect((await getClaim(await as("editor"), d.editorNote.id)).rationaleHtml).toContain(d.mark.editorNote);
    // Deleted, or of another team: the same 404.
    expect(await errorCode(getClaim(await as("editor"), "no-such-claim"))).toBe("404:");
  });

  it("a cursor the log cannot replay from (another instance's, a restart's) gets a resync, not a guess", async () => {
    const reader = await stream("editor", "elsewhere.3");
    expect(reader.text()).toContain("event: resync");
  });
});
