/** Whether the production build in .next is older than the sources it was built from. */
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "next.config.js", "package.json", "prisma/models.prisma"];

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const s = statSync(p);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(0, ...readdirSync(p).map((f) => newestMtime(path.join(p, f))));
}

/** The build folder next.config.js picks: `.next`, or `.next-<n>` for a test slot (CLAIMDESK_TEST_SLOT). */
const defaultDistDir = () => (process.env.CLAIMDESK_TEST_SLOT ? `.next-${process.env.CLAIMDESK_TEST_SLOT}` : ".next");

/** True when the build folder has no build, or a source file changed since it was made. */
export function needsBuild(distDir = defaultDistDir()): boolean {
  if (!existsSync(`${distDir}/BUILD_ID`)) return true;
  return Math.max(...SOURCES.map(newestMtime)) > statSync(`${distDir}/BUILD_ID`).mtimeMs;
}

/**
 * True when a build is due: none exists, or the sources changed since it
 * was made. CLAIMDESK_SKIP_BUILD=1 reuses any existing build (scripts/test.ts,
 * and tests that start the app while the suite's own server runs the build).
 */
export function buildIsDue(distDir = defaultDistDir()): boolean {
  if (process.env.CLAIMDESK_SKIP_BUILD === "1" && existsSync(`${distDir}/BUILD_ID`)) return false;
  return needsBuild(distDir);
}
