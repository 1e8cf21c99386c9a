import { readJson } from "@/lib/api/handler";
import { withAccount } from "@/lib/api/with-account";
import { getCurrentUser } from "@/lib/auth/current-user";
import { accountSchema } from "@/lib/schemas/team";
import { getAccountDto } from "@/lib/server/account/get-account";
import { updateAccount } from "@/lib/server/account/update-account";

/** GET /api/account: one's own account and teams. */
export const GET = withAccount(async ({ req, account }) => getAccountDto(account, (await getCurrentUser(req))?.teamId ?? null));

/** PATCH /api/account: one's display name. */
export const PATCH = withAccount(async ({ req, account }) => updateAccount(account, await readJson(req, accountSchema)));
