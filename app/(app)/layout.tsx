import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getCurrentUser } from "@/lib/auth/current-user";
import { NotificationsBell } from "@/components/review/notifications-bell";
import { LiveEvents } from "@/components/review/live-events";

/** Signed-in shell. Convenience only: every API route checks the caller itself. */
export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await getCurrentUser();
  if (!user) redirect("/signin");
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/articles" className="brand">Claimdesk</Link>
        <nav aria-label="Main">
          <Link href="/articles">Articles</Link>
          <Link href="/claims">Claims</Link>
          <Link href="/evidence">Evidence</Link>
          <Link href="/reviews">Reviews</Link>
          <Link href="/queue">My queue</Link>
          <Link href="/settings/assistance">Assistance</Link>
        </nav>
        <div className="topbar-user">
          <NotificationsBell />
          <span className="team-name">{user.teamName}</span>
          <span className="user-name" data-testid="current-user">{user.name ?? user.email} · {user.role}</span>
          <Link href="/signout">Sign out</Link>
        </div>
      </header>
      <main className="page">{children}</main>
      <LiveEvents />
    </div>
  );
}
