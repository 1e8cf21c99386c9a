import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getAccount } from "@/lib/auth/current-user";
import { enabledProviders } from "@/lib/auth/providers";
import { teamPermissions } from "@/lib/policies/team";
import { needsSetup } from "@/lib/server/setup/first-run";
import { NotificationsBell } from "@/components/review/notifications-bell";
import { HeaderMenu } from "@/components/ui/header-menu";
import { LiveEvents } from "@/components/review/live-events";
import { TeamSwitcher } from "@/components/account/team-switcher";
import { SessionDialog } from "@/components/account/session-dialog";
import { CurrentMemberProvider } from "@/components/ui/current-member";
import { HydrationBoundary } from "@tanstack/react-query";
import { eventCursor } from "@/lib/events/event-bus";
import { reviewKeys } from "@/lib/queries/review-keys";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { pageState, pageViewer } from "@/lib/server/pages/page-state";

/** Signed-in shell. Convenience only: every API route checks the caller itself. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  // Before anything is read: the page's event stream replays what happens from here on (lib/events/event-log.ts).
  const after = eventCursor();
  const user = await pageViewer();
  if (!user) {
    if (await needsSetup()) redirect("/setup");
    // Signed in but in no team (every membership deactivated, or none yet): their account page says what to do.
    redirect((await getAccount()) ? "/account" : "/signin");
  }
  const can = teamPermissions(user);
  // The header's notifications, in the first response like the page itself.
  const state = pageState([[reviewKeys.notifications(), await listNotifications(user)]]);
  return (
    <HydrationBoundary state={state}>
      <div className="shell">
        <header className="topbar">
          <Link href="/articles" className="brand">
            Claimdesk
          </Link>
          <NotificationsBell />
          <HeaderMenu>
            <nav aria-label="Main">
              <Link href="/articles">Articles</Link>
              <Link href="/claims">Claims</Link>
              <Link href="/evidence">Evidence</Link>
              <Link href="/reviews">Reviews</Link>
              <Link href="/queue">My queue</Link>
              {can.viewMembers && <Link href="/team">Team</Link>}
              <Link href="/settings/assistance">Assistance</Link>
            </nav>
            <div className="topbar-user">
              <TeamSwitcher teams={user.teams} activeId={user.teamId} />
              <Link href="/account" className="user-name" data-testid="current-user">
                {user.name ?? user.email} · {user.role}
              </Link>
              <Link href="/signout">Sign out</Link>
            </div>
          </HeaderMenu>
        </header>
        <main id="main" tabIndex={-1} className="page">
          <CurrentMemberProvider member={{ id: user.id, name: user.name }}>{children}</CurrentMemberProvider>
        </main>
        <LiveEvents after={after} />
        <SessionDialog email={user.email} teamId={user.teamId} teamName={user.teamName} providers={enabledProviders()} />
      </div>
    </HydrationBoundary>
  );
}
