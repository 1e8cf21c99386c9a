import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import type { AdminCommand } from "./command";
import { findTeamBySlug, findUserByEmail, parseEmail, parseRole } from "./lookup";

/** Adds `email` to the team with `role`; a member already in it gets the role and is reactivated. Audited, with no actor. */
export async function addMembership(emailArg: string | undefined, slug: string | undefined, roleArg: string | undefined): Promise<void> {
  const email = parseEmail(emailArg);
  const role = parseRole(roleArg);
  const user = await findUserByEmail(email);
  const team = await findTeamBySlug(slug);
  await db.$transaction(async (tx) => {
    const existing = await tx.membership.findUnique({
      where: { teamId_userId: { teamId: team.id, userId: user.id } },
      select: { id: true, role: true, deactivatedAt: true },
    });
    const membership = existing
      ? await tx.membership.update({
          where: { id: existing.id },
          data: { role, deactivatedAt: null, version: { increment: 1 } },
          select: { id: true },
        })
      : await tx.membership.create({ data: { teamId: team.id, userId: user.id, role }, select: { id: true } });
    await recordAuditEvent(tx, {
      teamId: team.id,
      actorId: null,
      action: existing ? "member.role" : "member.join",
      objectType: "membership",
      objectId: membership.id,
      before: existing ? { userId: user.id, role: existing.role, status: existing.deactivatedAt ? "deactivated" : "active" } : undefined,
      after: { userId: user.id, role, status: "active", by: "cli" },
    });
  });
  console.log(`${email} is now ${role} of ${team.name} (${team.slug}).`);
}

export const addMemberCommand: AdminCommand = {
  usage: "add-member <email> <team-slug> <admin|editor|reviewer>",
  summary: "Add a user to a team with a role (or change their role there, reactivating them)",
  run: ([email, slug, role]) => addMembership(email, slug, role),
};
