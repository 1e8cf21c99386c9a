import { db } from "@/lib/db";
import { emailField, roleField } from "@/lib/schemas/team";
import { UsageError } from "./command";

/** A valid e-mail address (lower-cased), or a UsageError saying why not. */
export function parseEmail(value: string | undefined): string {
  const parsed = emailField.safeParse(value ?? "");
  if (!parsed.success) throw new UsageError(`Not an e-mail address: ${value ?? "(missing)"}`);
  return parsed.data;
}

export function parseRole(value: string | undefined) {
  const parsed = roleField.safeParse(value ?? "");
  if (!parsed.success) throw new UsageError(`Not a role: ${value ?? "(missing)"} (admin, editor or reviewer)`);
  return parsed.data;
}

export async function findUserByEmail(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true } });
  if (!user) throw new UsageError(`No user has the e-mail ${email}. Make one with: npm run admin -- create-user ${email}`);
  return user;
}

export async function findTeamBySlug(slug: string | undefined) {
  if (!slug) throw new UsageError("Name the team by its slug (npm run admin -- list-teams shows them).");
  const team = await db.team.findUnique({ where: { slug }, select: { id: true, name: true, slug: true } });
  if (!team) throw new UsageError(`No team has the slug ${slug} (npm run admin -- list-teams shows them).`);
  return team;
}
