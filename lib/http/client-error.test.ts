import { createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { answerClientError } from "./client-error";

const server = createServer((_, res) => res.end("ok")).on("clientError", answerClientError);
let port = 0;
beforeAll(
  () => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => ((port = (server.address() as AddressInfo).port), resolve()))),
);
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Sends raw bytes and reads the whole answer. */
const raw = (request: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.end(request));
    let out = "";
    socket
      .on("data", (d) => (out += d.toString()))
      .on("end", () => resolve(out))
      .on("error", reject);
  });

describe("answerClientError", () => {
  it("answers headers that are too large with a JSON 431", async () => {
    const answer = await raw(`GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${"a".repeat(20_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toContain("Content-Type: application/json");
    expect(JSON.parse(answer.split("\r\n\r\n")[1]!)).toEqual({ error: "The request's headers are too large." });
  });

  it("answers a malformed request with a JSON 400", async () => {
    const answer = await raw("NOT A REQUEST\r\n\r\n");
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.split("\r\n\r\n")[1]!)).toEqual({ error: "The request is malformed." });
  });
});
