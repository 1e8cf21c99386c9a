import { readJson, withUser } from "@/lib/api/handler";
import { createInvitationSchema } from "@/lib/schemas/team";
import { createInvitation } from "@/lib/server/team/create-invitation";
import { jsonResponse } from "@/lib/api/json-response";

/** POST /api/team/invitations: invite an e-mail address with a role; answers the one-time link (and whether it was e-mailed). */
export const POST = withUser(async ({ req, user }) =>
  jsonResponse(await createInvitation(user, await readJson(req, createInvitationSchema), req.nextUrl.origin), { status: 201 }),
);
