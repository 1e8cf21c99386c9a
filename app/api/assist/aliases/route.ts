import { readJson, withUser } from "@/lib/api/handler";
import { createAliasSchema } from "@/lib/schemas/assist";
import { listAliases } from "@/lib/server/assist/list-aliases";
import { createAlias } from "@/lib/server/assist/create-alias";

export const GET = withUser(({ user }) => listAliases(user));

export const POST = withUser(async ({ req, user }) => createAlias(user, await readJson(req, createAliasSchema, 4 * 1024)));
