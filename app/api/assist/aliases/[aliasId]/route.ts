import { readQuery, withUser } from "@/lib/api/handler";
import { aliasVersionSchema } from "@/lib/schemas/assist";
import { deleteAlias } from "@/lib/server/assist/delete-alias";

export const DELETE = withUser<{ aliasId: string }>(({ req, user, params }) =>
  deleteAlias(user, params.aliasId, readQuery(req, aliasVersionSchema).version),
);
