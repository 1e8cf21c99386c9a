import { clearThrottle } from "@/lib/auth/login-throttle";
import { UsageError, type AdminCommand } from "./command";

export const clearThrottleCommand: AdminCommand = {
  usage: "clear-throttle <email>",
  summary: "Let an account sign in again at once: forget its failed sign-ins, from every browser",
  async run([email, ...rest]) {
    if (!email || rest.length > 0 || !email.includes("@")) throw new UsageError("Name the account's e-mail address.");
    const rows = await clearThrottle(email);
    console.log(
      rows ? `Cleared ${rows} sign-in throttle record${rows === 1 ? "" : "s"} of ${email}.` : `${email} had no failed sign-ins on record.`,
    );
  },
};
