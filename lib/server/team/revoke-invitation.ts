import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { InvitationDto } from "@/lib/schemas/team";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { invitationSelect, invitationStatus, toInvitationDto } from "./member-dto";
import { requirePermission } from "@/lib/server/require-permission";

/** DELETE /api/team/invitations/{id}?version=: the link stops working; the row stays for the record. */
export async function revokeInvitation(user: CurrentUser, invitationId: string, version: number): Promise<InvitationDto> {
  requirePermission(user, "members.manage");
  return db.$transaction(async (tx) => {
    const row = await tx.invitation.findFirst({ where: { id: invitationId, teamId: user.teamId }, select: invitationSelect });
    if (!row) throw notFound("Invitation not found.");
    const status = invitationStatus(row);
    if (status !== "pending") throw new AppError("CONFLICT", `This invitation is already ${status}.`, { current: toInvitationDto(row) });
    const done = await tx.invitation.updateMany({
      where: { id: row.id, version },
      data: { revokedAt: new Date(), version: { increment: 1 } },
    });
    if (done.count === 0) throw new AppError("CONFLICT", undefined, { current: toInvitationDto(row) });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "invitation.revoke",
      objectType: "invitation",
      objectId: row.id,
      before: { email: row.email, role: row.role },
    });
    return toInvitationDto(await tx.invitation.findUniqueOrThrow({ where: { id: row.id }, select: invitationSelect }));
  });
}
