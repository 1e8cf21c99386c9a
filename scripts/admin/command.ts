/** One command of `npm run admin -- <command>`: its usage line, what it does, and how it runs. */
export type AdminCommand = {
  usage: string;
  summary: string;
  /** Runs with the arguments after the command name; prints its result; throws an Error with a message for bad input. */
  run: (args: string[]) => Promise<void>;
};

/** A CLI input error: printed as it is, with the command's usage, and exit code 2. */
export class UsageError extends Error {}
