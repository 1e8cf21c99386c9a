import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { teamPermissions, teamRefusal } from "@/lib/policies/team";
import { ActivityLog } from "@/components/team/activity-log";
import { TeamTabs } from "@/components/team/team-tabs";

export const metadata: Metadata = { title: "Activity" };

/** /team/activity?actor=&action=&article=: the team's audit events (admins and editors). */
export default async function ActivityPage({
  searchParams,
}: {
  searchParams: Promise<{ actor?: string; action?: string; article?: string }>;
}) {
  const user = (await getCurrentUser())!;
  const refusal = teamRefusal(user, "activity.view");
  const { actor, action, article } = await searchParams;
  return (
    <>
      <h1>Activity</h1>
      <TeamTabs current="activity" can={teamPermissions(user)} />
      {refusal ? <p className="muted">{refusal}</p> : <ActivityLog initial={{ actor, action, article }} />}
    </>
  );
}
