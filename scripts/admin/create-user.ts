import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { nameField } from "@/lib/schemas/team";
import { makePasswordResetLink } from "@/lib/server/account/create-password-reset";
import { UsageError, type AdminCommand } from "./command";
import { parseEmail } from "./lookup";
import { addMembership } from "./add-member";

/**
 * Makes a user with no password and prints a one-time link for them to set
 * one (nobody, the operator included, ever types it for them). With --team
 * and --role they join that team at once.
 */
export const createUserCommand: AdminCommand = {
  usage: 'create-user <email> [--name "Full Name"] [--team <slug> --role <admin|editor|reviewer>]',
  summary: "Make a user and print a one-time link to set their password",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { name: { type: "string" }, team: { type: "string" }, role: { type: "string" } },
    });
    const email = parseEmail(positionals[0]);
    const name = nameField.safeParse(values.name ?? email.split("@")[0]);
    if (!name.success) throw new UsageError(`Not a name: ${values.name}`);
    if (await db.user.findUnique({ where: { email }, select: { id: true } }))
      throw new UsageError(`${email} already has an account (reset-password makes a new link).`);
    const user = await db.user.create({ data: { email, name: name.data }, select: { id: true } });
    console.log(`Made the user ${email}.`);
    if (values.team || values.role) await addMembership(email, values.team, values.role);
    const link = await makePasswordResetLink(user.id, null);
    console.log(`One-time link to set the password (until ${link.expiresAt.toISOString()}):\n${link.url}`);
  },
};
