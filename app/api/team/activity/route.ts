import { readQuery, withUser } from "@/lib/api/handler";
import { activityQuerySchema } from "@/lib/schemas/team";
import { listActivity } from "@/lib/server/team/list-activity";

/** GET /api/team/activity?actor=&action=&article=&before=&limit=: audit events, newest first, a page at a time. */
export const GET = withUser(async ({ req, viewer }) => listActivity(await viewer(), readQuery(req, activityQuerySchema)));
