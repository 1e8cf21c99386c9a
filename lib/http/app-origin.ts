/**
 * The app's own public origin, from NEXTAUTH_URL (the public URL of the app,
 * README → Configuration). Read from process.env on each call, so the
 * proxy (which cannot use lib/env's validation) and tests see the same value.
 */

/** The configured public origin (`https://desk.example`), or null when NEXTAUTH_URL is unset or not a URL. */
export function configuredOrigin(): string | null {
  const raw = process.env.NEXTAUTH_URL;
  if (!raw) return null;
  try {
    return new URL(raw).origin;
  } catch {
    return null;
  }
}

/** Whether the public URL is https: cookies are then `Secure` (and next-auth's carry the `__Secure-` prefix). */
export const servesHttps = (): boolean => process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
