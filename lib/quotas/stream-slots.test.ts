import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { limitStreams, openStreams } from "./stream-slots";

const stream = () => new Response(new ReadableStream<Uint8Array>({ start: (c) => c.enqueue(new TextEncoder().encode("retry: 3000\n\n")) }));

describe("live-event streams per user", () => {
  it("refuses the stream past the limit with 429 and Retry-After, and frees a slot when a client leaves", () => {
    const user = `user-${Math.random()}`;
    const clients = [new AbortController(), new AbortController()];
    for (const c of clients) limitStreams(user, c.signal, stream, 2);
    expect(openStreams(user)).toBe(2);
    let refused: unknown;
    try {
      limitStreams(user, new AbortController().signal, stream, 2);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 429, retryAfterSeconds: 30 });
    clients[0]!.abort();
    clients[0]!.abort();
    expect(openStreams(user)).toBe(1);
    limitStreams(user, new AbortController().signal, stream, 2);
    expect(openStreams(user)).toBe(2);
  });

  it("frees the slot when the stream is cancelled or ends, and counts users apart", async () => {
    const user = `user-${Math.random()}`;
    const res = limitStreams(user, new AbortController().signal, stream, 1);
    expect(openStreams(`${user}-other`)).toBe(0);
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain("retry: 3000");
    await reader.cancel();
    expect(openStreams(user)).toBe(0);

    const ended = limitStreams(user, new AbortController().signal, () => new Response("done"), 1);
    expect(await ended.text()).toBe("done");
    expect(openStreams(user)).toBe(0);
  });
});
