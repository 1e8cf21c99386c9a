import type { Db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

type Tx = Pick<Db, "membership" | "auditEvent">;

/**
 * Audits a change to a person's own account (name, password) in every team
 * they are an active member of: audit events belong to a team, and each
 * team's activity should show what its members' accounts went through.
 */
export async function auditAcrossTeams(tx: Tx, userId: string, action: string, after?: unknown): Promise<void> {
  const teams = await tx.membership.findMany({ where: { userId, deactivatedAt: null }, select: { teamId: true } });
  for (const { teamId } of teams)
    await recordAuditEvent(tx, { teamId, actorId: userId, action, objectType: "user", objectId: userId, after });
}
