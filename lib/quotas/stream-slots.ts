import { AppError } from "@/lib/errors";
import { limits } from "./limits";

/** Open long-lived streams per user in this process. */
const open = new Map<string, number>();

/** Streams `userId` holds open on this instance now (for tests and diagnostics). */
export const openStreams = (userId: string) => open.get(userId) ?? 0;

/**
 * Live-event streams per user (CLAIMDESK_STREAMS_PER_USER): `respond` makes
 * the stream only while the user holds fewer than `max` on this instance;
 * past it, 429 with `Retry-After`. The slot is given back when the client
 * goes away (`signal`), or the stream ends or is cancelled, whichever comes
 * first. Without it one user opened 2,000 streams, each holding a socket, a
 * timer and a bus subscription.
 *
 * Per instance, honestly: a stream lives on the instance that serves it, so
 * the count is of this process's sockets. Behind a load balancer with N
 * instances a user may hold up to N × max. A browser over HTTP/1.1 holds at
 * most six connections per host anyway; the default leaves room for many
 * tabs over HTTP/2.
 */
export function limitStreams(
  userId: string,
  signal: AbortSignal,
  respond: () => Response,
  max = limits().CLAIMDESK_STREAMS_PER_USER,
): Response {
  const held = openStreams(userId);
  if (held >= max) {
    throw new AppError("RATE_LIMITED", `You have ${max} live-update streams open (tabs or windows). Close some, then reload this page.`, {
      retryAfterSeconds: 30,
    });
  }
  open.set(userId, held + 1);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    signal.removeEventListener("abort", release);
    const left = openStreams(userId) - 1;
    if (left > 0) open.set(userId, left);
    else open.delete(userId);
  };
  signal.addEventListener("abort", release);
  let res: Response;
  try {
    res = respond();
  } catch (e) {
    release();
    throw e;
  }
  if (!res.body) {
    release();
    return res;
  }
  const reader = res.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (!done) return controller.enqueue(value);
      release();
      controller.close();
    },
    cancel(reason) {
      release();
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: res.status, headers: res.headers });
}
