/**
 * The server's password check: the length rules of lib/schemas/team.ts
 * (which the forms share) plus a refusal of common passwords, taken from
 * @zxcvbn-ts/language-common's list of about 49,000 passwords seen most in
 * breaches. Server-only: the list is too big to send to browsers.
 */
import { dictionary } from "@zxcvbn-ts/language-common";
import { AppError } from "@/lib/errors";

let common: Set<string> | undefined;
const commonPasswords = () => (common ??= new Set(dictionary["passwords-common"] as string[]));

/**
 * Why `password` is too easy to guess, or null: a common password (compared
 * case-insensitively, and with trailing digits and punctuation taken off, so
 * "Password2024!" counts as "password"), or one made of the person's own
 * e-mail or name.
 */
export function weakPasswordReason(password: string, person: { email?: string; name?: string | null } = {}): string | null {
  const lower = password.toLowerCase();
  const stem = lower.replace(/[\d\W_]+$/u, "");
  if (commonPasswords().has(lower) || (stem.length >= 4 && commonPasswords().has(stem)))
    return "This password is one of the most common ones; choose another.";
  if (new Set(lower).size < 4) return "This password repeats too few characters; choose another.";
  const own = [
    person.email?.toLowerCase(),
    person.email?.split("@")[0]?.toLowerCase(),
    person.name?.toLowerCase().replace(/\s+/g, ""),
  ].filter((s): s is string => !!s && s.length >= 4);
  if (own.some((s) => lower.replace(/\s+/g, "").includes(s))) return "The password must not contain your e-mail or name.";
  return null;
}

/** Throws a 400 naming `field` when the password is too easy to guess. */
export function assertStrongPassword(password: string, field: string, person: { email?: string; name?: string | null } = {}): void {
  const reason = weakPasswordReason(password, person);
  if (reason) throw new AppError("INVALID_INPUT", reason, { field });
}
