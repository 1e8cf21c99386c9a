/**
 * A local web server for import-by-URL tests: serves the responses a test
 * describes, on 127.0.0.1 and a free port, and counts the requests each path
 * got. Started and stopped by the test (the app's CLAIMDESK_FETCH_ALLOW lets
 * 127.0.0.1 through in test runs).
 */
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** How one path answers. */
export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

export type PageServer = { origin: string; url: (path: string) => string; hits: Map<string, number>; close: () => Promise<void> };

/** Serve `routes` (path -> handler); other paths get 404. */
export async function startPageServer(routes: Record<string, Route>): Promise<PageServer> {
  const hits = new Map<string, number>();
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0]!;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not here");
      return;
    }
    void Promise.resolve(route(req, res)).catch(() => res.destroy());
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A route that sends `body` with these headers and status 200. */
export const send =
  (body: string | Buffer, headers: Record<string, string> = { "Content-Type": "text/html; charset=utf-8" }): Route =>
  (_req, res) => {
    res.writeHead(200, headers).end(body);
  };

/** A route that redirects to `location`. */
export const redirect =
  (location: string, status = 302): Route =>
  (_req, res) => {
    res.writeHead(status, { Location: location }).end();
  };
