import type { Server } from "node:net";

/**
 * Accept first, then work: while a burst of new connections is being
 * accepted, the server starts no new request work, so the connections behind
 * it are not left waiting in the kernel's accept queue.
 *
 * Why: libuv (since 1.45, Node 20) accepts ONE connection per event-loop turn
 * (libuv/libuv#3696) and relies on the listening socket staying readable for
 * the next. Requests here do their work on the event loop (better-sqlite3 is
 * synchronous; results are mapped, serialized and compressed in JavaScript),
 * so under load one turn takes tens of milliseconds and more. A burst of N new
 * connections (a start, clients reconnecting together) was then accepted one
 * per heavy turn: the last waited N turns before the server read its request,
 * 0.9-2.5 s for 40-250 connections, before admission (admission.ts) could even
 * see it. The client had connected at once: the kernel completes the handshake
 * and queues the connection, so nothing but the server's pace shows it.
 *
 * How: a turn in which a connection was accepted may have more behind it, so
 * requests admitted in it are held (in order) and the next turn is made to
 * come at once (setImmediate). Turns with only accepts and request parsing
 * are short. The first turn without a new connection means the accept queue
 * is empty, and the held requests start. A steady stream of connections
 * cannot starve the work: a request is held at most `maxHoldMs`. That is
 * meant to be long enough to accept a few hundred connections on a busy
 * 2-core machine: with 100 ms, a start burst of 256 at load average 9 still
 * had answers over 2 s on new connections (taken, we think, in slices of
 * what 100 ms accepts, each followed by a heavy turn).
 */
export type AcceptFirst = {
  /** Runs `work` now, or once the connections being accepted are in (at most maxHoldMs later). */
  start: (work: () => void) => void;
  /** Requests being held now. */
  held: () => number;
};

export function acceptFirst(server: Server, { maxHoldMs = 300, now = () => performance.now() } = {}): AcceptFirst {
  let acceptedThisTurn = false;
  let held: (() => void)[] = [];
  let heldSince = 0;
  let scheduled = false;
  server.on("connection", () => {
    acceptedThisTurn = true;
  });
  const release = () => {
    const run = held;
    held = [];
    for (const work of run) work();
  };
  // Runs in the check phase, after this turn's poll phase (where accepts and reads happen).
  const turn = () => {
    scheduled = false;
    const more = acceptedThisTurn;
    acceptedThisTurn = false;
    if (more && now() - heldSince < maxHoldMs) return schedule();
    release();
  };
  const schedule = () => {
    scheduled = true;
    setImmediate(turn);
  };
  return {
    start(work) {
      if (!acceptedThisTurn && held.length === 0) return work();
      if (held.length === 0) heldSince = now();
      held.push(work);
      if (!scheduled) schedule();
    },
    held: () => held.length,
  };
}
