import { readJson, withUser } from "@/lib/api/handler";
import { teamSettingsSchema } from "@/lib/schemas/team";
import { getTeamSettings, updateTeamSettings } from "@/lib/server/team/team-settings";

/** GET /api/team/settings: name, slug, publisher and verdict wording of the active team. */
export const GET = withUser(({ user }) => getTeamSettings(user));

/** PATCH /api/team/settings: admins change them, naming the version read. */
export const PATCH = withUser(async ({ req, user }) => updateTeamSettings(user, await readJson(req, teamSettingsSchema)));
