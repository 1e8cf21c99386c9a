/**
 * The API routes and the methods each route file exports, read from
 * app/api/**\/route.ts. next.config.js computes this at build time and hands
 * it to the proxy (proxy.ts) as CLAIMDESK_API_ROUTES, so that a method a route
 * does not export, or a path no route serves, gets a JSON answer instead of
 * the framework's empty 405 or HTML 404, and a new route file is covered by
 * the next build without a list to update.
 *
 * Plain JavaScript because next.config.js is loaded by Node itself, which (in
 * Node 20) cannot import TypeScript. tests/support/route-inventory.ts reads
 * the same files for the tests; route-methods.test.ts holds the two to the
 * same answer.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

function routeFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return name === "route.ts" ? [full] : [];
  });
}

/** `[{ path: "/api/claims/[claimId]", methods: ["GET", "PATCH", "DELETE"] }, …]`, sorted by path; [] when the sources are not there. */
export function apiRouteMethods(root) {
  const apiDir = join(root, "app", "api");
  if (!existsSync(apiDir)) return [];
  return routeFiles(apiDir)
    .map((full) => {
      const source = readFileSync(full, "utf8");
      const rel = full.slice(join(root, "app").length).split("\\").join("/");
      return {
        path: rel.replace(/\/route\.ts$/, ""),
        methods: METHODS.filter(
          (m) =>
            new RegExp(`export\\s+(const|let|async\\s+function|function)\\s+${m}\\b`).test(source) ||
            new RegExp(`export\\s*\\{[^}]*\\bas\\s+${m}\\b[^}]*\\}`).test(source),
        ),
      };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}
