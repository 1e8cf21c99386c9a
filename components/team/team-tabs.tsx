import Link from "next/link";
import type { TeamPermissions } from "@/lib/policies/team";

/** The team pages' tabs, each shown only to who may open it. */
export function TeamTabs({ current, can }: { current: "members" | "activity" | "settings"; can: TeamPermissions }) {
  const tabs = [
    { key: "members", href: "/team", label: "Members", show: can.viewMembers },
    { key: "activity", href: "/team/activity", label: "Activity", show: can.viewActivity },
    { key: "settings", href: "/team/settings", label: "Settings", show: can.editSettings },
  ] as const;
  return (
    <nav className="team-tabs" aria-label="Team">
      {tabs
        .filter((t) => t.show)
        .map((t) => (
          <Link key={t.key} href={t.href} aria-current={t.key === current ? "page" : undefined}>
            {t.label}
          </Link>
        ))}
    </nav>
  );
}
