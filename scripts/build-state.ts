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

/** True when .next has no build, or a source file changed since it was made. */
export function needsBuild(distDir = ".next"): boolean {
  if (!existsSync(`${distDir}/BUILD_ID`)) return true;
  return Math.max(...SOURCES.map(newestMtime)) > statSync(`${distDir}/BUILD_ID`).mtimeMs;
}
