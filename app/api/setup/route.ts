import { readJson } from "@/lib/api/handler";
import { withPublic } from "@/lib/api/with-account";
import { setupSchema } from "@/lib/schemas/team";
import { runSetup } from "@/lib/server/setup/first-run";
import { jsonResponse } from "@/lib/api/json-response";

/** POST /api/setup (no sign-in): the first team and its admin on an empty install; 404 once anyone exists. */
export const POST = withPublic(async ({ req }) => jsonResponse(await runSetup(await readJson(req, setupSchema)), { status: 201 }));
