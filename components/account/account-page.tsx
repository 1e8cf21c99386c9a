"use client";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/queries/api-client";
import { useAccount, useAccountMutations } from "@/lib/queries/use-account";
import { QueryFallback } from "@/components/ui/query-fallback";
import "@/components/team/team.css";
import { EmailNotifications } from "./email-notifications";

type Message = { text: string; ok?: boolean } | null;

function useFormMessage() {
  const [message, setMessage] = useState<Message>(null);
  const run = async (action: () => Promise<unknown>, ok: string) => {
    setMessage(null);
    try {
      await action();
      setMessage({ text: ok, ok: true });
      return true;
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : "That did not work." });
      return false;
    }
  };
  const shown = message && (
    <p role={message.ok ? "status" : "alert"} className={message.ok ? "muted" : "form-error"}>
      {message.text}
    </p>
  );
  return { run, shown };
}

/** /account: one's name, password and teams, and (unless the desk forbids it) a new team. */
export function AccountPage() {
  const { data, error, isPending } = useAccount();
  const { rename, changePassword, createTeam } = useAccountMutations();
  const name = useFormMessage();
  const password = useFormMessage();
  const team = useFormMessage();
  if (isPending || error) return <QueryFallback error={error} loading="Loading your account…" />;

  const field = (e: FormEvent<HTMLFormElement>, key: string) => String(new FormData(e.currentTarget).get(key) ?? "");
  async function switchTo(teamId: string) {
    await apiFetch("/api/teams/active", { method: "PUT", json: { teamId } });
    window.location.assign("/articles");
  }

  return (
    <div className="account-page">
      <section aria-labelledby="name-title">
        <h2 id="name-title">Name</h2>
        <p className="small muted">{data.email}</p>
        <form
          className="stack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void name.run(() => rename.mutateAsync(field(e, "name")), "Name saved.");
          }}
        >
          <label>
            Your name
            <input name="name" defaultValue={data.name ?? ""} required autoComplete="name" />
          </label>
          {name.shown}
          <button type="submit" className="btn btn-primary" disabled={rename.isPending}>
            Save name
          </button>
        </form>
      </section>

      <section aria-labelledby="password-title">
        <h2 id="password-title">Password</h2>
        <p className="small muted">At least 10 characters, and not a common one. Changing it signs you out everywhere else.</p>
        <form
          className="stack-form"
          onSubmit={(e) => {
            e.preventDefault();
            const form = e.currentTarget;
            void password
              .run(
                () => changePassword.mutateAsync({ currentPassword: field(e, "currentPassword"), newPassword: field(e, "newPassword") }),
                "Password changed; other sessions were signed out.",
              )
              .then((ok) => ok && form.reset());
          }}
        >
          {data.hasPassword ? (
            <label>
              Current password
              <input name="currentPassword" type="password" required autoComplete="current-password" />
            </label>
          ) : (
            <input type="hidden" name="currentPassword" value="-" />
          )}
          <label>
            New password
            <input name="newPassword" type="password" required minLength={10} autoComplete="new-password" />
          </label>
          {password.shown}
          <button type="submit" className="btn btn-primary" disabled={changePassword.isPending}>
            Change password
          </button>
        </form>
      </section>

      <section aria-labelledby="teams-title">
        <h2 id="teams-title">Your teams</h2>
        {data.teams.length === 0 ? (
          <p className="muted">
            You are not an active member of any team. Ask a team's admin for an invitation
            {data.canCreateTeams ? ", or make a team below" : ""}.
          </p>
        ) : (
          <ul className="team-list">
            {data.teams.map((t) => (
              <li key={t.id} data-testid="account-team">
                <strong>{t.name}</strong> <span className="muted">· {t.role}</span>
                {t.id === data.activeTeamId ? (
                  <span className="small muted"> (working in it)</span>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => void switchTo(t.id)}>
                    Work in this team
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {data.canCreateTeams && (
          <form
            className="stack-form"
            onSubmit={(e) => {
              e.preventDefault();
              void team.run(async () => {
                await createTeam.mutateAsync({ name: field(e, "teamName") });
                window.location.assign("/team");
              }, "Team made.");
            }}
          >
            <label>
              New team
              <input name="teamName" required placeholder="Team name" />
            </label>
            {team.shown}
            <button type="submit" className="btn" disabled={createTeam.isPending}>
              Make a team (you become its admin)
            </button>
          </form>
        )}
      </section>
      <EmailNotifications />
    </div>
  );
}
