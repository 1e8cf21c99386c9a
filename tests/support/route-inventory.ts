/**
 * Every API route of the app, read from the route files themselves
 * (`app/api/**\/route.ts`), so that tests which must cover every route (the
 * authorization matrix, the input fuzzer) cannot miss one that is added later.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

export type ApiRoute = {
  /** The route file, relative to the repository root (`app/api/claims/[claimId]/route.ts`). */
  file: string;
  /** The URL path with its dynamic segments as `[name]` (`/api/claims/[claimId]`). */
  path: string;
  /** Names of the dynamic segments, in order (`["claimId"]`); a catch-all `[...x]` is listed as `...x`. */
  params: string[];
  /** The HTTP methods the file exports a handler for. */
  methods: HttpMethod[];
};

const ROOT = new URL("../..", import.meta.url).pathname;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** The methods a route file exports: `export const GET =`, `export async function GET(`, `export { h as GET }`. */
export function exportedMethods(source: string): HttpMethod[] {
  return HTTP_METHODS.filter(
    (m) =>
      new RegExp(`export\\s+(const|let|async\\s+function|function)\\s+${m}\\b`).test(source) ||
      new RegExp(`export\\s*\\{[^}]*\\bas\\s+${m}\\b[^}]*\\}`).test(source),
  );
}

/** All API routes, sorted by path. */
export function apiRoutes(root = ROOT): ApiRoute[] {
  return routesUnder(root, "api");
}

/** The public routes under app/f (published fact-checks, served without a session), sorted by path. */
export function publicRoutes(root = ROOT): ApiRoute[] {
  return routesUnder(root, "f");
}

function routesUnder(root: string, dir: string): ApiRoute[] {
  return routeFiles(join(root, "app", dir))
    .map((full) => {
      const file = relative(root, full).split(sep).join("/");
      const segments = file
        .replace(/^app\//, "")
        .replace(/\/route\.ts$/, "")
        .split("/");
      const path = `/${segments.join("/")}`;
      const params = segments.filter((s) => s.startsWith("[")).map((s) => s.slice(1, -1));
      return { file, path, params, methods: exportedMethods(readFileSync(full, "utf8")) };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Fills a route's dynamic segments (`/api/claims/[claimId]` with `{ claimId: "x" }` → `/api/claims/x`). */
export function routeUrl(route: Pick<ApiRoute, "path">, values: Record<string, string>): string {
  return route.path.replace(/\[(?:\.\.\.)?([^\]]+)\]/g, (_, name: string) => {
    const v = values[name];
    if (v === undefined) throw new Error(`No value for [${name}] in ${route.path}`);
    return encodeURIComponent(v);
  });
}
