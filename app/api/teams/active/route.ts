import { readJson } from "@/lib/api/handler";
import { setActiveTeamCookie, withAccount } from "@/lib/api/with-account";
import { notFound } from "@/lib/errors";
import { switchTeamSchema } from "@/lib/schemas/team";
import { jsonResponse } from "@/lib/api/json-response";

/** PUT /api/teams/active: work in another of one's teams (404 for a team one is not an active member of). */
export const PUT = withAccount(async ({ req, account }) => {
  const { teamId } = await readJson(req, switchTeamSchema);
  const team = account.teams.find((t) => t.id === teamId);
  if (!team) throw notFound("Team not found.");
  return setActiveTeamCookie(jsonResponse(team), team.id);
});
