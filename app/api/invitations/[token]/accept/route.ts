import { readJson } from "@/lib/api/handler";
import { setActiveTeamCookie, withPublic } from "@/lib/api/with-account";
import { acceptInvitationSchema } from "@/lib/schemas/team";
import { acceptInvitation } from "@/lib/server/team/accept-invitation";
import { jsonResponse } from "@/lib/api/json-response";

/** POST /api/invitations/{token}/accept: joins the team (making the account when there is none); that team becomes the active one. */
export const POST = withPublic<{ token: string }>(async ({ req, params, account }) => {
  const accepted = await acceptInvitation(params.token, await account(), await readJson(req, acceptInvitationSchema));
  return setActiveTeamCookie(jsonResponse(accepted, { status: 201 }), accepted.teamId);
});
