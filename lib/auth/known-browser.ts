/**
 * A "known browser" cookie (OWASP's device cookie): after a successful
 * sign-in the browser keeps a random id signed together with the account's
 * e-mail. A later sign-in to that account from the same browser is throttled
 * on its own key only (lib/auth/login-throttle.ts), so failures from
 * anywhere else never slow the owner's usual browsers down. The cookie
 * grants nothing else: it is not a session and holds no secret of the user.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { servesHttps } from "@/lib/http/app-origin";

/** How long a browser stays known after its last successful sign-in. */
export const KNOWN_BROWSER_MAX_AGE_S = 180 * 24 * 3600;

/** The cookie's name (`__Secure-` prefixed behind https, as next-auth names its own). */
export const knownBrowserCookieName = () => `${servesHttps() ? "__Secure-" : ""}claimdesk-browser`;

const mac = (id: string, email: string, secret: string) =>
  createHmac("sha256", secret).update(`known-browser|${id}|${email.trim().toLowerCase()}`).digest("base64url");

/** The browser id a cookie value proves for `email`, or null when it is missing, malformed or for another account. */
export function knownBrowserId(value: string | undefined | null, email: string, secret: string): string | null {
  if (!value) return null;
  const [id, sig, ...rest] = value.split(".");
  if (!id || !sig || rest.length || !/^[A-Za-z0-9_-]{16,64}$/.test(id)) return null;
  const want = Buffer.from(mac(id, email, secret));
  const got = Buffer.from(sig);
  return want.length === got.length && timingSafeEqual(want, got) ? id : null;
}

/** The cookie to set after a successful sign-in: the browser's id if it already had one for this account, else a new one. */
export function knownBrowserCookie(email: string, secret: string, currentId: string | null) {
  const id = currentId ?? randomBytes(16).toString("base64url");
  return {
    name: knownBrowserCookieName(),
    value: `${id}.${mac(id, email, secret)}`,
    options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure: servesHttps(), maxAge: KNOWN_BROWSER_MAX_AGE_S },
  };
}

/** A cookie's value from a raw Cookie header (next-auth hands authorize() the request's headers, not parsed cookies). */
export function cookieFromHeader(header: unknown, name: string): string | null {
  if (typeof header !== "string") return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}
