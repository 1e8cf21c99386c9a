/**
 * Who may sign in with an external provider (GitHub, Google). A provider's
 * e-mail is what ties an OAuth sign-in to a Claimdesk account or to an
 * invitation, so it must be one the provider has verified: Google says so in
 * its profile (`email_verified`); GitHub's profile e-mail is not necessarily
 * verified, so its verified addresses are asked for with the sign-in's own
 * access token (the `user:email` scope next-auth requests).
 *
 * A verified e-mail may sign in when it already has an account, when an
 * invitation is waiting for it, or when anyone may make a team
 * (CLAIMDESK_OPEN_TEAMS); anyone else is sent back to the sign-in page.
 */
import type { Account, Profile, User } from "next-auth";
import { db } from "@/lib/db";
import { env, openTeams } from "@/lib/env";
import { GITHUB_TIMEOUT_MS, githubEndpoints } from "./github";

type GithubEmail = { email: string; verified: boolean };

/** True when the provider vouches for `email`. */
export async function providerEmailVerified(
  account: Pick<Account, "provider" | "access_token">,
  profile: unknown,
  email: string,
): Promise<boolean> {
  if (account.provider === "google") return (profile as { email_verified?: unknown } | undefined)?.email_verified === true;
  if (account.provider === "github" && account.access_token) {
    const res = await fetch(githubEndpoints(env().GITHUB_URL).emails, {
      headers: { Authorization: `Bearer ${account.access_token}`, Accept: "application/vnd.github+json" },
      signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS),
    }).catch(() => null);
    if (!res) return false;
    if (!res.ok) return false;
    const emails = (await res.json()) as GithubEmail[];
    return emails.some((e) => e.verified && e.email.toLowerCase() === email);
  }
  return false;
}

/** next-auth's signIn callback. */
export async function allowProviderSignIn({
  user,
  account,
  profile,
}: {
  user: User;
  account: Account | null;
  profile?: Profile;
}): Promise<boolean | string> {
  if (!account || account.type === "credentials") return true;
  const email = user.email?.trim().toLowerCase();
  if (!email || !(await providerEmailVerified(account, profile, email))) return "/signin?error=UnverifiedEmail";
  const [known, invited] = await Promise.all([
    db.user.count({ where: { email } }),
    db.invitation.count({ where: { email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } } }),
  ]);
  return known > 0 || invited > 0 || openTeams() ? true : "/signin?error=NoAccount";
}

/** next-auth's signIn event: a provider-verified e-mail is recorded as verified (the invitation page relies on it). */
export async function markProviderEmailVerified({ user, account }: { user: User; account: Account | null }): Promise<void> {
  if (!account || account.type === "credentials" || !user.id) return;
  await db.user.updateMany({ where: { id: user.id, emailVerified: null }, data: { emailVerified: new Date() } });
}
