import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getAccount, getCurrentUser } from "@/lib/auth/current-user";
import { enabledProviders } from "@/lib/auth/providers";
import { SessionDialog } from "@/components/account/session-dialog";
import { TeamSwitcher } from "@/components/account/team-switcher";

/** The account pages' shell: works for a person in no team too (so not under the app shell, which needs a team). */
export default async function AccountLayout({ children }: { children: ReactNode }) {
  const account = await getAccount();
  if (!account) redirect("/signin?callbackUrl=%2Faccount");
  const user = await getCurrentUser();
  return (
    <div className="shell">
      <header className="topbar">
        <Link href={user ? "/articles" : "/account"} className="brand">
          Claimdesk
        </Link>
        <nav aria-label="Main">{user && <Link href="/articles">Back to the desk</Link>}</nav>
        <div className="topbar-user">
          {user && <TeamSwitcher teams={user.teams} activeId={user.teamId} />}
          <span className="user-name" data-testid="current-user">
            {account.name ?? account.email}
          </span>
          <Link href="/signout">Sign out</Link>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page">
        {children}
      </main>
      <SessionDialog email={account.email} teamId={user?.teamId ?? null} teamName={user?.teamName ?? null} providers={enabledProviders()} />
    </div>
  );
}
