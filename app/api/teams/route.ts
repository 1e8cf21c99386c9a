import { readJson } from "@/lib/api/handler";
import { setActiveTeamCookie, withAccount } from "@/lib/api/with-account";
import { openTeams } from "@/lib/env";
import { createTeamSchema } from "@/lib/schemas/team";
import { createTeam } from "@/lib/server/team/create-team";
import { jsonResponse } from "@/lib/api/json-response";

/** POST /api/teams: make a team and become its admin (unless CLAIMDESK_OPEN_TEAMS=0); it becomes the active team. */
export const POST = withAccount(async ({ req, account }) => {
  const team = await createTeam(account.id, await readJson(req, createTeamSchema), openTeams());
  return setActiveTeamCookie(jsonResponse(team, { status: 201 }), team.id);
});
