import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GoogleProvider from "next-auth/providers/google";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DUMMY_HASH, verifyPassword } from "./password";
import { cookies } from "next/headers";
import { addressIsFailing, beginAttempt, recordSuccess, throttlePlan, waitText } from "./login-throttle";
import { trustedClientAddress } from "./client-address";
import { cookieFromHeader, knownBrowserCookie, knownBrowserCookieName, knownBrowserId } from "./known-browser";
import { endSessionsOnSignOut, tokenSessionVersion } from "./end-sessions";
import { allowProviderSignIn, markProviderEmailVerified } from "./provider-sign-in";
import { githubProvider } from "./github";
import { safeCallbackPath } from "./safe-callback";

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(200) });

/** Message the sign-in page shows for a throttled attempt (next-auth passes thrown messages through). */
export const THROTTLED_PREFIX = "Too many failed sign-ins.";

/**
 * Email-and-password sign-in, throttled (lib/auth/login-throttle.ts) by the
 * browser when it has signed in to this account before, else by the trusted
 * client address and the account. The attempt is counted before the slow
 * password check and given back when the password is right.
 */
async function authorize(raw: Record<string, string> | undefined, req: { headers?: Record<string, unknown> }) {
  const parsed = credentials.safeParse(raw ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const secret = authOptions.secret ?? "";
  const browserId = knownBrowserId(cookieFromHeader(req.headers?.cookie, knownBrowserCookieName()), email, secret);
  const address = trustedClientAddress(req.headers);
  const plan = throttlePlan(email, { browserId, address, addressFailing: address ? await addressIsFailing(address) : false });
  const verdict = await beginAttempt(plan);
  if (!verdict.allowed) throw new Error(`${THROTTLED_PREFIX} Try again in ${waitText(verdict.retryAt)}.`);
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok) return null;
  await recordSuccess(verdict.charged);
  const cookie = knownBrowserCookie(email, secret, browserId);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

function optionalProviders() {
  const e = env();
  const providers = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) providers.push(githubProvider(e.GITHUB_ID, e.GITHUB_SECRET, e.GITHUB_URL));
  if (e.GOOGLE_ID && e.GOOGLE_SECRET) providers.push(GoogleProvider({ clientId: e.GOOGLE_ID, clientSecret: e.GOOGLE_SECRET }));
  return providers;
}

export const authOptions: NextAuthOptions = {
  // The adapter stores users and accounts of external providers; the
  // credentials provider needs JWT sessions.
  adapter: PrismaAdapter(db as never),
  session: { strategy: "jwt", maxAge: 30 * 24 * 3600 },
  secret: env().NEXTAUTH_SECRET ?? (env().NODE_ENV === "production" ? undefined : "claimdesk-development-secret-only"),
  pages: { signIn: "/signin", signOut: "/signout", error: "/signin" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: authorize as never,
    }),
    ...optionalProviders(),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        // The session version the token is issued under (lib/auth/end-sessions.ts); the adapter's users carry it too.
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") Object.assign(session.user, { id: token.uid, sv: tokenSessionVersion(token) });
      return session;
    },
    signIn: allowProviderSignIn,
    /** After sign-in or sign-out, only ever a path of this app (lib/auth/safe-callback.ts). */
    redirect({ url, baseUrl }) {
      return `${baseUrl}${safeCallbackPath(url, baseUrl)}`;
    },
  },
  events: {
    signIn: markProviderEmailVerified,
    /** Signing out ends the session on the server too, unless the cookie was already stale. */
    async signOut({ token }) {
      if (typeof token?.uid === "string") await endSessionsOnSignOut(token.uid, tokenSessionVersion(token));
    },
  },
};
