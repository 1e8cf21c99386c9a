import { readQuery, withUser } from "@/lib/api/handler";
import { modelVersionSchema } from "@/lib/schemas/assist";
import { getAssistModel } from "@/lib/server/assist/get-assist-model";
import { resetAssistModel } from "@/lib/server/assist/reset-assist-model";

export const GET = withUser(({ user }) => getAssistModel(user));

export const DELETE = withUser(({ req, user }) => resetAssistModel(user, readQuery(req, modelVersionSchema).version));
