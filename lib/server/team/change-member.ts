import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { LAST_ADMIN_REFUSAL, MANAGER_ROLES, memberChangeRefusal, teamRefusal } from "@/lib/policies/team";
import type { Role } from "@/lib/policies/roles";
import type { MemberChangeInput, MemberRowDto } from "@/lib/schemas/team";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { lockTeam } from "./lock-team";
import { memberRowSelect, toMemberRowDto } from "./member-dto";

/**
 * PATCH /api/team/members/{membershipId}: an admin changes a member's role,
 * deactivates or reactivates them. It takes effect on the member's next
 * request: getCurrentUser reads role and status on every request, and leaves
 * deactivated memberships out (their open pages get 401). Their claims,
 * reviews and decisions stay, attributed to them.
 *
 * The guardrail (a team keeps an active admin) is checked under the team
 * row's lock, so two admins demoting each other at once leave one.
 */
export async function changeMember(user: CurrentUser, membershipId: string, input: MemberChangeInput): Promise<MemberRowDto> {
  const denied = teamRefusal(user, "members.manage");
  if (denied) throw new AppError("FORBIDDEN", denied);
  return db.$transaction(async (tx) => {
    await lockTeam(tx, user.teamId);
    const row = await tx.membership.findFirst({ where: { id: membershipId, teamId: user.teamId }, select: memberRowSelect });
    if (!row) throw notFound("Member not found.");
    if (row.version !== input.version)
      throw new AppError("CONFLICT", "Someone changed this member in the meantime.", { current: toMemberRowDto(row) });
    const activeAdmins = await tx.membership.count({
      where: { teamId: user.teamId, role: { in: [...MANAGER_ROLES] }, deactivatedAt: null },
    });
    const change = { role: input.role, active: input.status === undefined ? undefined : input.status === "active" };
    const refusal = memberChangeRefusal(
      user,
      { userId: row.user.id, role: row.role as Role, active: !row.deactivatedAt },
      change,
      activeAdmins,
    );
    if (refusal) {
      const field = input.role !== undefined && !MANAGER_ROLES.includes(input.role) ? "role" : "status";
      throw new AppError(refusal === LAST_ADMIN_REFUSAL ? "CONFLICT" : "FORBIDDEN", refusal, { field, current: toMemberRowDto(row) });
    }
    const deactivatedAt = change.active === undefined ? row.deactivatedAt : change.active ? null : (row.deactivatedAt ?? new Date());
    const role = input.role ?? (row.role as Role);
    const updated = await tx.membership.update({
      where: { id: row.id },
      data: { role, deactivatedAt, version: { increment: 1 } },
      select: memberRowSelect,
    });
    const audit = { teamId: user.teamId, actorId: user.id, objectType: "membership", objectId: row.id };
    if (role !== row.role)
      await recordAuditEvent(tx, {
        ...audit,
        action: "member.role",
        before: { userId: row.user.id, role: row.role },
        after: { userId: row.user.id, role },
      });
    if (!!deactivatedAt !== !!row.deactivatedAt) {
      await recordAuditEvent(tx, {
        ...audit,
        action: deactivatedAt ? "member.deactivate" : "member.reactivate",
        before: { userId: row.user.id, status: row.deactivatedAt ? "deactivated" : "active" },
        after: { userId: row.user.id, status: deactivatedAt ? "deactivated" : "active" },
      });
    }
    return toMemberRowDto(updated);
  });
}
