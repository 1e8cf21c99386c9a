import type { Db } from "@/lib/db";
import { asciiSlug } from "@/lib/ascii-slug";

type Tx = Pick<Db, "team">;

/** A URL slug made of a team name: lower-case ASCII letters and digits joined by single hyphens. */
export function slugify(name: string): string {
  const slug = asciiSlug(name, 40);
  return slug.length >= 2 ? slug : `team-${slug || "desk"}`;
}

/** `slug` itself when free, else the first free `slug-2`, `slug-3`…, for a team whose slug was not chosen by hand. */
export async function freeSlug(tx: Tx, base: string): Promise<string> {
  const taken = new Set((await tx.team.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((t) => t.slug));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
