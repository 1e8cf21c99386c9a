import { db } from "@/lib/db";
import { openTeams } from "@/lib/env";
import type { SignedInAccount } from "@/lib/auth/current-user";
import type { AccountDto } from "@/lib/schemas/team";

/** GET /api/account: the signed-in person's own account and teams. */
export async function getAccountDto(account: SignedInAccount, activeTeamId: string | null): Promise<AccountDto> {
  const row = await db.user.findUniqueOrThrow({ where: { id: account.id }, select: { passwordHash: true } });
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    hasPassword: !!row.passwordHash,
    teams: account.teams,
    activeTeamId,
    canCreateTeams: openTeams(),
  };
}
