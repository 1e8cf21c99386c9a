import bcrypt from "bcryptjs";

/** bcrypt cost: about 60 ms a hash on this hardware; raise it as machines get faster. */
const COST = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** Compared against when the user does not exist, so a wrong e-mail costs as much time as a wrong password. */
export const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8.XI0XhWQjNUd5yS1H1aZR2PTE3hHK";
