import type { Metadata } from "next";
import { getCurrentUser } from "@/lib/auth/current-user";
import { teamPermissions, teamRefusal } from "@/lib/policies/team";
import { TeamSettingsForm } from "@/components/team/team-settings-form";
import { TeamTabs } from "@/components/team/team-tabs";

export const metadata: Metadata = { title: "Team settings" };

/** /team/settings: admins only. */
export default async function TeamSettingsPage() {
  const user = (await getCurrentUser())!;
  const refusal = teamRefusal(user, "settings.edit");
  return (
    <>
      <h1>Team settings</h1>
      <TeamTabs current="settings" can={teamPermissions(user)} />
      {refusal ? <p className="muted">{refusal}</p> : <TeamSettingsForm />}
    </>
  );
}
