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
 */
import http from "node:http";

export type Timed = { ms: number; status: number; headers: http.IncomingHttpHeaders };

export function httpClient(base: string, sockets: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const { hostname, port } = new URL(base);
  /** Sends one request and resolves when its whole response is in, with the time it took. */
  const send = (method: string, path: string, headers: Record<string, string> = {}, body?: string) =>
    new Promise<Timed>((resolve, reject) => {
      const t0 = performance.now();
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
          res.on("data", () => {});
          res.on("end", () => resolve({ ms: performance.now() - t0, status: res.statusCode ?? 0, headers: res.headers }));
          res.on("error", reject);
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}
