import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/busy-retry";
import { TEAM_CREATOR_ROLE } from "@/lib/policies/team";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { CreateTeamInput } from "@/lib/schemas/team";
import { freeSlug, slugify } from "./team-slug";

/**
 * Makes a team with `userId` as its admin, in one transaction (with its audit
 * event). Used by POST /api/teams, the first-run setup and the CLI. A slug
 * chosen by hand that is taken is a 409 naming `slug`; one made from the
 * name gets the first free number.
 */
export async function makeTeam(tx: Parameters<Parameters<typeof db.$transaction>[0]>[0], userId: string, input: CreateTeamInput) {
  const slug = input.slug ?? (await freeSlug(tx, slugify(input.name)));
  if (input.slug && (await tx.team.count({ where: { slug } }))) throw slugTaken(slug);
  const team = await tx.team.create({ data: { name: input.name, slug }, select: { id: true, name: true, slug: true } });
  const membership = await tx.membership.create({ data: { teamId: team.id, userId, role: TEAM_CREATOR_ROLE }, select: { id: true } });
  await recordAuditEvent(tx, {
    teamId: team.id,
    actorId: userId,
    action: "team.create",
    objectType: "team",
    objectId: team.id,
    after: { ...team, adminId: userId, membershipId: membership.id },
  });
  return team;
}

const slugTaken = (slug: string) => new AppError("CONFLICT", `The slug "${slug}" is taken by another team.`, { field: "slug" });

/** POST /api/teams: any signed-in user makes a team and becomes its admin (unless CLAIMDESK_OPEN_TEAMS=0). */
export async function createTeam(userId: string, input: CreateTeamInput, allowed: boolean) {
  if (!allowed) throw new AppError("FORBIDDEN", "New teams are made by the operator on this desk (CLAIMDESK_OPEN_TEAMS=0).");
  try {
    return await db.$transaction((tx) => makeTeam(tx, userId, input));
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken(input.slug ?? slugify(input.name));
    throw e;
  }
}
