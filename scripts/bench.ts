/** `npm run bench`: runs every bench/*.bench.ts in turn. They print figures; they are not pass/fail tests. */
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

const only = process.argv[2];
const files = readdirSync("bench")
  .filter((f) => f.endsWith(".bench.ts") && (!only || f.includes(only)))
  .sort();
for (const file of files) {
  console.log(`\n▶ bench/${file}`);
  spawnSync("npx", ["tsx", `bench/${file}`], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
}
