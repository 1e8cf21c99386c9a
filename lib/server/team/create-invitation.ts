import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CreateInvitationInput, InvitationCreatedDto } from "@/lib/schemas/team";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { invitationMessage } from "@/lib/server/mail/link-messages";
import { sendMail } from "@/lib/server/mail/send-mail";
import { appBaseUrl } from "./app-url";
import { invitationSelect, toInvitationDto } from "./member-dto";
import { INVITATION_TTL_MS, newOneTimeToken } from "./one-time-token";
import { requirePermission } from "@/lib/server/require-permission";

/**
 * POST /api/team/invitations: an admin invites an e-mail address with a role.
 * The link (shown once, to copy) holds a token stored only hashed; it works
 * once, for 7 days. Inviting an address again replaces its pending
 * invitation (the old link stops working). With SMTP_URL set the link is
 * e-mailed too, after the commit: a failed send is reported, not undone.
 */
export async function createInvitation(
  user: CurrentUser,
  input: CreateInvitationInput,
  requestOrigin?: string,
): Promise<InvitationCreatedDto> {
  requirePermission(user, "members.manage");
  const { token, hash } = newOneTimeToken();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_MS);
  const invitation = await db.$transaction(async (tx) => {
    const member = await tx.membership.findFirst({
      where: { teamId: user.teamId, user: { email: input.email } },
      select: { deactivatedAt: true },
    });
    if (member) {
      throw new AppError(
        "INVALID_INPUT",
        member.deactivatedAt
          ? `${input.email} is a deactivated member of this team: reactivate them instead.`
          : `${input.email} is already a member of this team.`,
        { field: "email" },
      );
    }
    const replaced = await tx.invitation.updateMany({
      where: { teamId: user.teamId, email: input.email, acceptedAt: null, revokedAt: null },
      data: { revokedAt: new Date(), version: { increment: 1 } },
    });
    const row = await tx.invitation.create({
      data: { teamId: user.teamId, email: input.email, role: input.role, tokenHash: hash, invitedById: user.id, expiresAt },
      select: invitationSelect,
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "member.invite",
      objectType: "invitation",
      objectId: row.id,
      after: { email: row.email, role: row.role, expiresAt, replaced: replaced.count },
    });
    return row;
  });
  const url = `${appBaseUrl(requestOrigin)}/invite/${token}`;
  const mail = await sendMail(
    invitationMessage({ to: input.email, teamName: user.teamName, role: input.role, inviter: user.name ?? user.email, url, expiresAt }),
  );
  return { invitation: toInvitationDto(invitation), link: { url, expiresAt: expiresAt.toISOString(), ...mail } };
}
