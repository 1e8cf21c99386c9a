import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { readJson } from "./handler";

const schema = z.object({ quote: z.string() });
const encode = (s: string) => new TextEncoder().encode(s);

/** A POST whose body arrives as these chunks; the stream ends only if `end` (a client that keeps its connection open). */
function post(chunks: string[], { contentLength, end }: { contentLength?: number; end: boolean }) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(encode(c));
      if (end) controller.close();
    },
  });
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (contentLength !== undefined) headers["content-length"] = String(contentLength);
  return new Request("http://claimdesk.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** Settles `p`, or says it was still waiting after `ms`. */
const within = <T>(p: Promise<T>, ms = 500) =>
  Promise.race([p, new Promise<"still waiting">((resolve) => setTimeout(() => resolve("still waiting"), ms))]);

describe("readJson", () => {
  it("has the body once Content-Length bytes are in, without waiting for the stream's end", async () => {
    const text = JSON.stringify({ quote: "Stoltenberg visited Seoul — and Tokyo" });
    const bytes = encode(text).byteLength;
    // Split inside a multi-byte character: the length counts bytes, not characters.
    const cut = text.indexOf("—") + 1;
    expect(await within(readJson(post([text.slice(0, cut), text.slice(cut)], { contentLength: bytes, end: false }), schema))).toEqual({
      quote: "Stoltenberg visited Seoul — and Tokyo",
    });
  });

  it("reads to the stream's end when there is no Content-Length", async () => {
    const request = post(['{"quote":', '"a"}'], { end: false });
    expect(await within(readJson(request, schema))).toBe("still waiting");
    expect(await readJson(post(['{"quote":', '"a"}'], { end: true }), schema)).toEqual({ quote: "a" });
  });

  it("answers 400 to a body that ends short of its Content-Length", async () => {
    const error = await readJson(post(['{"quote":"a"'], { contentLength: 40, end: true }), schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).status).toBe(400);
    expect((error as AppError).message).toMatch(/not valid JSON/);
  });

  it("answers 413 to a body past the cap, declared or counted as it streams", async () => {
    const counted = await readJson(post(["x".repeat(40), "y".repeat(40)], { end: true }), schema, 64).catch((e: unknown) => e);
    expect((counted as AppError).status).toBe(413);
    const declared = await readJson(post(["{}"], { contentLength: 65, end: false }), schema, 64).catch((e: unknown) => e);
    expect((declared as AppError).status).toBe(413);
  });
});
