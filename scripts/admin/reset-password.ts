import { makePasswordResetLink } from "@/lib/server/account/create-password-reset";
import type { AdminCommand } from "./command";
import { findUserByEmail, parseEmail } from "./lookup";

export const resetPasswordCommand: AdminCommand = {
  usage: "reset-password <email>",
  summary: "Print a one-time link that lets the user set a new password (it ends their sessions when used)",
  async run([emailArg]) {
    const user = await findUserByEmail(parseEmail(emailArg));
    const link = await makePasswordResetLink(user.id, null);
    console.log(`One-time link for ${user.email} (until ${link.expiresAt.toISOString()}):\n${link.url}`);
  },
};
