/**
 * Factories that make unique records. Shared by the seed script and every
 * test, so tests own their data and never lean on the demo rows.
 */
import { createHash, randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { importArticleText } from "@/lib/anchoring/strip-furniture";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { codePointLength } from "@/lib/anchoring/offsets";
import type { Role } from "@/lib/policies/roles";
import type { CurrentUser } from "@/lib/auth/current-user";

const unique = () => randomUUID().slice(0, 8);

export async function createTeam(db: Db, data: { name?: string; slug?: string } = {}) {
  const suffix = unique();
  return db.team.create({ data: { name: data.name ?? `Desk ${suffix}`, slug: data.slug ?? `desk-${suffix}` } });
}

/** A member of `team` as the use cases see them once signed in (lib/auth/current-user.ts). */
export function currentUserOf(
  user: { id: string; email: string; name: string | null },
  team: { id: string; name: string },
  role: Role,
): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    teamId: team.id,
    teamName: team.name,
    role,
    teams: [{ id: team.id, name: team.name, role }],
  };
}

/** A user with a password (default `claimdesk`), optionally a member of a team. */
export async function createUser(
  db: Db,
  data: { email?: string; name?: string; password?: string; team?: { id: string }; role?: Role } = {},
) {
  const email = (data.email ?? `user-${unique()}@claimdesk.test`).toLowerCase();
  const user = await db.user.create({
    data: { email, name: data.name ?? email.split("@")[0], passwordHash: await hashPassword(data.password ?? "claimdesk") },
  });
  if (data.team) await db.membership.create({ data: { teamId: data.team.id, userId: user.id, role: data.role ?? "reviewer" } });
  return user;
}

export type ArticleMeta = {
  title?: string | null;
  outlet?: string | null;
  author?: string | null;
  publishedDate?: string | null;
  url?: string | null;
};

export function sha256Hex(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/**
 * An article with its first version. The text goes through the import
 * pipeline (furniture removed, normalized) unless `raw` is false, in which
 * case it is only normalized.
 */
export async function createArticle(
  db: Db,
  data: { team: { id: string }; text: string; meta?: ArticleMeta; sourceRef?: string; createdById?: string; stripFurniture?: boolean },
) {
  const text = data.stripFurniture === false ? normalizeText(data.text) : importArticleText(data.text).text;
  const meta = data.meta ?? {};
  return db.article.create({
    data: {
      teamId: data.team.id,
      title: meta.title ?? null,
      outlet: meta.outlet ?? null,
      author: meta.author ?? null,
      publishedDate: meta.publishedDate ?? null,
      url: meta.url ?? null,
      sourceRef: data.sourceRef ?? null,
      versions: {
        create: { number: 1, text, textHash: sha256Hex(text), length: codePointLength(text), createdById: data.createdById ?? null },
      },
    },
    include: { versions: true },
  });
}
