import { db } from "@/lib/db";
import type { InvitationPreviewDto } from "@/lib/schemas/team";
import type { Role } from "@/lib/policies/roles";
import { findPendingInvitation } from "./find-invitation";

/** GET /api/invitations/{token} (no sign-in): what the invite page shows. */
export async function previewInvitation(token: string): Promise<InvitationPreviewDto> {
  const invitation = await findPendingInvitation(db, token);
  const accountExists = (await db.user.count({ where: { email: invitation.email } })) > 0;
  return {
    teamName: invitation.team.name,
    email: invitation.email,
    role: invitation.role as Role,
    expiresAt: invitation.expiresAt.toISOString(),
    invitedBy: invitation.invitedBy?.name ?? invitation.invitedBy?.email ?? null,
    accountExists,
  };
}
