/**
 * `npm run admin -- <command> [args]`: operator commands on the database
 * DATABASE_URL names (the same one `npm start` uses). One entry per command
 * in COMMANDS; each says how it is used and returns a process exit code.
 *
 *   npm run admin -- clear-throttle editor@newsroom.example
 */
import { db } from "@/lib/db";
import { clearThrottle } from "@/lib/auth/login-throttle";

type Command = { usage: string; summary: string; run: (args: string[]) => Promise<number> };

const COMMANDS: Record<string, Command> = {
  "clear-throttle": {
    usage: "clear-throttle <email>",
    summary: "Lets an account sign in again at once: forgets its failed sign-ins, from every browser.",
    async run([email, ...rest]) {
      if (!email || rest.length || !email.includes("@")) return usage("clear-throttle");
      const rows = await clearThrottle(email);
      console.log(rows ? `Cleared ${rows} sign-in throttle record${rows === 1 ? "" : "s"} of ${email}.` : `${email} had no failed sign-ins on record.`);
      return 0;
    },
  },
};

function usage(name?: string): number {
  const list = name ? [COMMANDS[name]!] : Object.values(COMMANDS);
  console.error(`Usage: npm run admin -- <command>\n${list.map((c) => `  ${c.usage.padEnd(32)} ${c.summary}`).join("\n")}`);
  return 2;
}

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
let code: number;
try {
  if (name && !command) console.error(`Unknown command: ${name}`);
  code = command ? await command.run(args) : usage();
} catch (e) {
  // Prisma errors run to pages; the last line says what went wrong.
  console.error(`${name}: ${(e as Error).message.split("\n").filter(Boolean).pop()}`);
  code = 1;
}
await db.$disconnect();
process.exit(code);
