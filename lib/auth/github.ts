/**
 * GitHub as a sign-in provider, on github.com or on a GitHub Enterprise
 * Server (GITHUB_URL, e.g. https://github.example.org): next-auth's provider
 * has github.com's addresses written in, so an Enterprise install needs its
 * four endpoints. The same endpoints serve the verified-address check in
 * provider-sign-in.ts, and the tests point them at a local stand-in.
 */
import GithubProvider from "next-auth/providers/github";

/** How long a sign-in waits for GitHub's API before it gives up (the sign-in then fails, nothing hangs). */
export const GITHUB_TIMEOUT_MS = 10_000;

export type GithubEndpoints = { authorize: string; token: string; user: string; emails: string };

/** github.com's endpoints, or an Enterprise Server's (its REST API lives under /api/v3). */
export function githubEndpoints(base: string | undefined): GithubEndpoints {
  if (!base) {
    return {
      authorize: "https://github.com/login/oauth/authorize",
      token: "https://github.com/login/oauth/access_token",
      user: "https://api.github.com/user",
      emails: "https://api.github.com/user/emails",
    };
  }
  const root = base.replace(/\/+$/, "");
  return {
    authorize: `${root}/login/oauth/authorize`,
    token: `${root}/login/oauth/access_token`,
    user: `${root}/api/v3/user`,
    emails: `${root}/api/v3/user/emails`,
  };
}

type GithubProfile = { id: number; login: string; name: string | null; email: string | null; avatar_url: string };

/** next-auth's GitHub provider with the endpoints of `base`. */
export function githubProvider(clientId: string, clientSecret: string, base: string | undefined) {
  const at = githubEndpoints(base);
  return GithubProvider({
    clientId,
    clientSecret,
    authorization: { url: at.authorize, params: { scope: "read:user user:email" } },
    token: at.token,
    userinfo: {
      url: at.user,
      // A profile with no public e-mail: take the primary address (provider-sign-in.ts checks it is verified).
      async request({ client, tokens }) {
        const profile = (await client.userinfo(tokens.access_token!)) as unknown as GithubProfile;
        if (!profile.email) {
          const res = await fetch(at.emails, {
            headers: { Authorization: `Bearer ${tokens.access_token}`, Accept: "application/vnd.github+json" },
            signal: AbortSignal.timeout(GITHUB_TIMEOUT_MS),
          });
          if (res.ok) {
            const emails = (await res.json()) as { email: string; primary: boolean }[];
            profile.email = (emails.find((e) => e.primary) ?? emails[0])?.email ?? null;
          }
        }
        return profile as never;
      },
    },
  });
}
