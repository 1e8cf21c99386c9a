import { parseArgs } from "node:util";
import { db } from "@/lib/db";
import { createTeamSchema } from "@/lib/schemas/team";
import { makeTeam } from "@/lib/server/team/create-team";
import { UsageError, type AdminCommand } from "./command";
import { findUserByEmail, parseEmail } from "./lookup";

export const createTeamCommand: AdminCommand = {
  usage: 'create-team "<name>" --admin <email> [--slug <slug>]',
  summary: "Make a team with an existing user as its admin",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { admin: { type: "string" }, slug: { type: "string" } },
    });
    const input = createTeamSchema.safeParse({ name: positionals.join(" "), slug: values.slug });
    if (!input.success) throw new UsageError(input.error.issues[0]?.message ?? "Not a team name.");
    const admin = await findUserByEmail(parseEmail(values.admin));
    const team = await db
      .$transaction((tx) => makeTeam(tx, admin.id, input.data))
      .catch((e: unknown) => {
        throw (e as { field?: string }).field === "slug" ? new UsageError((e as Error).message) : e;
      });
    console.log(`Made the team ${team.name} (${team.slug}) with ${admin.email} as admin.`);
  },
};
