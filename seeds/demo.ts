/**
 * The demo desk: team "Demo Desk", four accounts (password `claimdesk`) and
 * the five seed articles. Idempotent: running it again changes nothing.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/policies/roles";
import { hashPassword } from "@/lib/auth/password";
import { createArticle, type ArticleMeta } from "./factories";
import { sameWords } from "@/lib/import/same-words";
import { seedDemoEvidence } from "./demo-evidence";
import { seedDemoReview } from "./demo-review";

export const DEMO_TEAM = { name: "Demo Desk", slug: "demo-desk" };
export const DEMO_PASSWORD = "claimdesk";
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: "admin@claimdesk.test", name: "Ada Admin", role: "admin" },
  { email: "editor@claimdesk.test", name: "Eddie Editor", role: "editor" },
  { email: "reviewer1@claimdesk.test", name: "Riya Reviewer", role: "reviewer" },
  { email: "reviewer2@claimdesk.test", name: "Rafael Reviewer", role: "reviewer" },
];

const ARTICLES_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "articles");

/**
 * The text without its first lines' copy of the headline: the plain-text copies open with it, and the
 * article page already shows it as the title (an HTML import leaves it out the same way).
 */
function withoutHeadline(raw: string, title: string | null | undefined): string {
  if (!title) return raw;
  const lines = raw.split("\n");
  // Among the first four lines of text: a crumb or a section line may come before it, a byline between two copies.
  const copies = new Set(
    lines
      .map((l, i) => [l, i] as const)
      .filter(([l]) => l.trim() !== "")
      .slice(0, 4)
      .filter(([l]) => sameWords(l, title))
      .map(([, i]) => i),
  );
  return lines.filter((_, i) => !copies.has(i)).join("\n");
}

/** The seed articles as shipped: file stem, raw text and metadata. */
export function seedArticles() {
  return readdirSync(ARTICLES_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((file) => {
      const stem = file.replace(/\.txt$/, "");
      const raw = readFileSync(path.join(ARTICLES_DIR, file), "utf8");
      const meta = JSON.parse(readFileSync(path.join(ARTICLES_DIR, `${stem}.json`), "utf8")) as ArticleMeta;
      return { stem, raw, meta };
    });
}

export async function seedDemo(db: Db): Promise<{ created: number }> {
  let created = 0;
  const team = await db.team.upsert({ where: { slug: DEMO_TEAM.slug }, update: {}, create: DEMO_TEAM });
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const account of DEMO_ACCOUNTS) {
    const existing = await db.user.findUnique({ where: { email: account.email } });
    const user = existing ?? (await db.user.create({ data: { email: account.email, name: account.name, passwordHash } }));
    if (!existing) created++;
    await db.membership.upsert({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      update: {},
      create: { teamId: team.id, userId: user.id, role: account.role },
    });
  }
  for (const { stem, raw, meta } of seedArticles()) {
    const sourceRef = `seed:${stem}`;
    const exists = await db.article.findFirst({ where: { teamId: team.id, sourceRef }, select: { id: true } });
    if (exists) continue;
    await createArticle(db, { team, text: withoutHeadline(raw, meta.title), meta, sourceRef });
    created++;
  }
  created += (await seedDemoEvidence(db, team)).created;
  created += (await seedDemoReview(db, team)).created;
  return { created };
}
