import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Role } from "@/lib/policies/roles";
import type { MemberDto } from "@/lib/schemas/team";

/** GET /api/team/members: the active members of the caller's team, by name (deactivated ones cannot be picked or mentioned). */
export async function listMembers(user: CurrentUser): Promise<MemberDto[]> {
  const rows = await db.membership.findMany({
    where: { teamId: user.teamId, deactivatedAt: null },
    select: { role: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((m) => ({ ...m.user, role: m.role as Role })).sort((a, b) => (a.name ?? a.email).localeCompare(b.name ?? b.email));
}
