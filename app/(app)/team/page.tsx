import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { teamPermissions, teamRefusal } from "@/lib/policies/team";
import { MembersPage } from "@/components/team/members-page";
import { TeamTabs } from "@/components/team/team-tabs";

export const metadata: Metadata = { title: "Team" };

/** /team: members and invitations (admins manage, editors read). */
export default async function TeamPage() {
  const user = (await getCurrentUser())!;
  const refusal = teamRefusal(user, "members.view");
  return (
    <>
      <h1>{user.teamName}</h1>
      <TeamTabs current="members" can={teamPermissions(user)} />
      {refusal ? <p className="muted">{refusal}</p> : <MembersPage selfId={user.id} />}
    </>
  );
}
