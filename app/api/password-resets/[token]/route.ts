import { readJson } from "@/lib/api/handler";
import { withPublic } from "@/lib/api/with-account";
import { usePasswordResetSchema } from "@/lib/schemas/team";
import { previewPasswordReset, usePasswordReset } from "@/lib/server/account/use-password-reset";

type Params = { token: string };

/** GET /api/password-resets/{token} (no sign-in): whose password the link sets. */
export const GET = withPublic<Params>(({ params }) => previewPasswordReset(params.token));

/** POST /api/password-resets/{token}: sets the new password once; every session of the account ends. */
export const POST = withPublic<Params>(async ({ req, params }) =>
  usePasswordReset(params.token, (await readJson(req, usePasswordResetSchema)).password),
);
