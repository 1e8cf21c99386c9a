import { readQuery, withUser } from "@/lib/api/handler";
import { evidenceVersionSchema as versionQuery } from "@/lib/schemas/evidence";
import { revokeInvitation } from "@/lib/server/team/revoke-invitation";

/** DELETE /api/team/invitations/{id}?version=N: withdraw a pending invitation. */
export const DELETE = withUser<{ invitationId: string }>(({ req, user, params }) =>
  revokeInvitation(user, params.invitationId, readQuery(req, versionQuery).version),
);
