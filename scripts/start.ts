/**
 * `npm start`: migrates the database (SQLite under data/ by default, or the
 * PostgreSQL database DATABASE_URL names), seeds the demo desk into an empty
 * one, builds the app when the sources changed since the last build, and
 * serves it on http://localhost:3000 (PORT to change). It never wipes data.
 * The server runs under a supervisor (scripts/supervise.ts) that restarts it
 * when its process dies.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { demoWanted, prepareDatabase } from "./prepare-db";
import { buildIsDue } from "./build-state";
import { serverCommand } from "./server-command";
import { supervise } from "./supervise";

const SECRET_FILE = "data/auth-secret";

/** next-auth needs a secret in production: make one on first start and keep it, so sessions survive restarts. */
function authSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  mkdirSync("data", { recursive: true });
  if (!existsSync(SECRET_FILE)) writeFileSync(SECRET_FILE, randomBytes(32).toString("base64url"), { mode: 0o600 });
  return readFileSync(SECRET_FILE, "utf8").trim();
}

await prepareDatabase();
const env = { ...process.env, NEXTAUTH_SECRET: authSecret(), NEXT_TELEMETRY_DISABLED: "1" };
const port = process.env.PORT ?? "3000";
env.NEXTAUTH_URL ??= `http://localhost:${port}`;

if (buildIsDue()) {
  console.log("Building Claimdesk (next build)…");
  const build = spawnSync("npx", ["next", "build"], { stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
console.log(
  demoWanted()
    ? `Claimdesk: http://localhost:${port} (demo accounts in README.md, password "claimdesk")`
    : `Claimdesk: http://localhost:${port} (a new install opens at the setup page; \`npm run admin -- help\` for the CLI)`,
);
// The supervised process is the server itself (Node, not npx), so a crash is seen and the app restarted.
process.exit(await supervise({ ...serverCommand(port), env }).done);
