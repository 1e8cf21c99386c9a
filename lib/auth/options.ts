import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import GithubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { DUMMY_HASH, verifyPassword } from "./password";
import { allowProviderSignIn, markProviderEmailVerified } from "./provider-sign-in";
import { beginAttempt, lockedMinutes, recordFailure, recordSuccess, throttleKeys } from "./login-throttle";

const credentials = z.object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(200) });

/** Message the sign-in page shows for a locked account or address (next-auth passes thrown messages through). */
export const THROTTLED_PREFIX = "Too many failed sign-ins.";

/**
 * The client address, only behind a proxy we trust to set X-Forwarded-For
 * (TRUST_PROXY=1); otherwise a client could name any address and dodge the
 * per-address limit. The per-account limit applies either way.
 */
function clientIp(headers: Record<string, unknown> | undefined): string | null {
  if (process.env.TRUST_PROXY !== "1") return null;
  const forwarded = headers?.["x-forwarded-for"];
  const value = Array.isArray(forwarded) ? forwarded[0] : forwarded;
  return typeof value === "string" && value ? value.split(",")[0]!.trim() : null;
}

/** Email-and-password sign-in, throttled per account and per address. */
async function authorize(raw: Record<string, string> | undefined, req: { headers?: Record<string, unknown> }) {
  const parsed = credentials.safeParse(raw ?? {});
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const keys = throttleKeys(email, clientIp(req.headers));
  // Counted before the (slow) password check, so parallel guesses cannot all slip past the limit.
  if (!(await beginAttempt(keys))) {
    const minutes = Math.max(1, await lockedMinutes(keys));
    throw new Error(`${THROTTLED_PREFIX} Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`);
  }
  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok) {
    await recordFailure(keys);
    return null;
  }
  await recordSuccess(keys);
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

function optionalProviders() {
  const e = env();
  const providers = [];
  if (e.GITHUB_ID && e.GITHUB_SECRET) providers.push(GithubProvider({ clientId: e.GITHUB_ID, clientSecret: e.GITHUB_SECRET }));
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
    // The session version the token is issued with: a password change or reset bumps the user's, ending it (end-sessions.ts).
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && typeof token.uid === "string") Object.assign(session.user, { id: token.uid, sv: token.sv });
      return session;
    },
    signIn: allowProviderSignIn,
  },
  events: { signIn: markProviderEmailVerified },
};
