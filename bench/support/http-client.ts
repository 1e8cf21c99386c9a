/**
 * A lean HTTP/1.1 load client for benchmarks: node:http over keep-alive
 * sockets, one per concurrent client, that reads each response to its end.
 *
 * Why not fetch: undici's fetch costs the client about a millisecond of CPU
 * per request in this process. At ten concurrent clients on a 2-core machine
 * the client then competes with the server for a core and queues responses
 * behind its own work, and the latencies it records grow by 10-15 ms at p95
 * (checked against wrk, a C load generator, on the same server; the
 * create-claims bench prints both when wrk is installed).
 *
 * Each answer carries where its time went (`phases`), so a slow one can be
 * told apart: waiting for a socket of the agent, opening a connection, or
 * waiting for the server's answer once the request was sent.
 */
import http from "node:http";

/** Milliseconds of one request, from the call to its last byte. */
export type Phases = {
  /** Waiting in the agent for a socket (all in use). */
  queued: number;
  /** Opening a new TCP connection (0 on a reused keep-alive socket). */
  connecting: number;
  /** From the request written to the response's headers. */
  waiting: number;
  /** From the headers to the last byte. */
  reading: number;
  /** A connection opened for this request. */
  newSocket: boolean;
};

export type Timed = { ms: number; status: number; headers: http.IncomingHttpHeaders; phases?: Phases };

export function httpClient(base: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(base);
  let opened = 0;
  /** Sends one request and resolves when its whole response is in, with the time it took. */
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<Timed>((resolve, reject) => {
      const t0 = performance.now();
      let socketAt = t0;
      let connectedAt = t0;
      let sentAt = t0;
      let newSocket = false;
      const req = http.request(
        // Like a browser, accept gzip, so the server does the compression work it does for real clients.
        {
          agent,
          hostname,
          port,
          method,
          path,
          headers: { "Accept-Encoding": "gzip, deflate", ...headers, ...(body ? { "Content-Length": Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          const headAt = performance.now();
          res.on("data", () => {});
          res.on("end", () => {
            const end = performance.now();
            resolve({
              ms: end - t0,
              status: res.statusCode ?? 0,
              headers: res.headers,
              phases: {
                queued: socketAt - t0,
                connecting: connectedAt - socketAt,
                waiting: headAt - Math.max(sentAt, connectedAt),
                reading: end - headAt,
                newSocket,
              },
            });
          });
          res.on("error", reject);
        },
      );
      req.on("socket", (socket) => {
        socketAt = connectedAt = performance.now();
        if (socket.connecting) {
          newSocket = true;
          opened++;
          socket.once("connect", () => (connectedAt = performance.now()));
        }
      });
      req.on("finish", () => (sentAt = performance.now()));
      req.on("error", reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy(), opened: () => opened };
}
