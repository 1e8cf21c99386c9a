/**
 * `npm run admin -- <command> [arguments]`: run a Claimdesk install headless,
 * against the database DATABASE_URL names. Each command lives in its own
 * module under scripts/admin/ and is registered in the table below.
 */
import type { AdminCommand } from "./admin/command";
import { UsageError } from "./admin/command";
import { addMemberCommand } from "./admin/add-member";
import { clearThrottleCommand } from "./admin/clear-throttle";
import { createTeamCommand } from "./admin/create-team";
import { createUserCommand } from "./admin/create-user";
import { listMembersCommand, listTeamsCommand } from "./admin/list-teams";
import { resetPasswordCommand } from "./admin/reset-password";

export const COMMANDS: Record<string, AdminCommand> = {
  "create-user": createUserCommand,
  "create-team": createTeamCommand,
  "add-member": addMemberCommand,
  "reset-password": resetPasswordCommand,
  "clear-throttle": clearThrottleCommand,
  "list-teams": listTeamsCommand,
  "list-members": listMembersCommand,
};

function help(): void {
  console.log("Usage: npm run admin -- <command> [arguments]\n");
  for (const c of Object.values(COMMANDS)) console.log(`  ${c.usage}\n      ${c.summary}`);
}

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  if (name && name !== "help" && name !== "--help") console.error(`Unknown command: ${name}\n`);
  help();
  process.exit(name && name !== "help" && name !== "--help" ? 2 : 0);
}
try {
  await command.run(args);
} catch (e) {
  if (!(e instanceof UsageError) && (e as { code?: string }).code !== "ERR_PARSE_ARGS_UNKNOWN_OPTION") throw e;
  console.error(`${(e as Error).message}\nUsage: npm run admin -- ${command.usage}`);
  process.exitCode = 2;
} finally {
  const { db } = await import("@/lib/db");
  await db.$disconnect();
}
