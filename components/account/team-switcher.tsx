"use client";
import { useState, type ChangeEvent } from "react";
import { apiFetch, pinTeam } from "@/lib/queries/api-client";
import { FormError } from "@/components/ui/form-error";

type Team = { id: string; name: string; role: string };

/**
 * The team the person works in, in the header. With several teams it is a
 * menu: choosing one makes it the active team (a cookie) and opens its
 * articles, since the page open now belongs to the team left.
 */
export function TeamSwitcher({ teams, activeId }: { teams: Team[]; activeId: string }) {
  // Every request of this page names its team (lib/queries/api-client.ts), set while rendering so the first fetch has it.
  if (typeof window !== "undefined") pinTeam(activeId);
  const [error, setError] = useState<string | null>(null);
  const active = teams.find((t) => t.id === activeId);

  async function handleChange(event: ChangeEvent<HTMLSelectElement>) {
    const teamId = event.target.value;
    try {
      await apiFetch("/api/teams/active", { method: "PUT", json: { teamId } });
      window.location.assign("/articles");
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not switch teams.");
    }
  }

  if (teams.length < 2)
    return (
      <span className="team-name" data-testid="team-name">
        {active?.name}
      </span>
    );
  return (
    <span className="team-switcher">
      <select aria-label="Team" value={activeId} onChange={handleChange} className="team-select" data-testid="team-switcher">
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <FormError error={error} as="span" />
    </span>
  );
}
