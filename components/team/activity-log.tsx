"use client";
import Link from "next/link";
import { useState } from "react";
import { ACTIVITY_GROUPS } from "@/lib/schemas/activity-actions";
import { useArticles } from "@/lib/queries/use-articles";
import { useActivity, useRoster, type ActivityFilters } from "@/lib/queries/use-team";
import { formatDateTime } from "@/lib/format-date";
import { FormError } from "@/components/ui/form-error";
import "./team.css";

/** /team/activity: who did what to which object and when, newest first, filtered by person, action and article. */
export function ActivityLog({ initial }: { initial: ActivityFilters }) {
  const [filters, setFilters] = useState<ActivityFilters>(initial);
  // The roster, not the pickers' list: deactivated members' work stays findable.
  const people = useRoster();
  const articles = useArticles();
  const activity = useActivity(filters);
  const set = (key: keyof ActivityFilters) => (value: string) => setFilters((f) => ({ ...f, [key]: value || undefined }));
  const events = activity.data?.pages.flatMap((p) => p.events) ?? [];

  return (
    <>
      <form className="activity-filters" onSubmit={(e) => e.preventDefault()}>
        <label>
          Person
          <select value={filters.actor ?? ""} onChange={(e) => set("actor")(e.target.value)}>
            <option value="">Everyone</option>
            {people.data?.members.map((p) => (
              <option key={p.userId} value={p.userId}>
                {p.name ?? p.email}
              </option>
            ))}
          </select>
        </label>
        <label>
          Action
          <select value={filters.action ?? ""} onChange={(e) => set("action")(e.target.value)}>
            <option value="">All actions</option>
            {ACTIVITY_GROUPS.map((g) => (
              <option key={g.value} value={g.value}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Article
          <select value={filters.article ?? ""} onChange={(e) => set("article")(e.target.value)}>
            <option value="">All articles</option>
            {articles.data?.map((a) => (
              <option key={a.id} value={a.id}>
                {a.title}
              </option>
            ))}
          </select>
        </label>
      </form>
      <FormError error={activity.error} />
      {activity.isPending ? (
        <p className="muted">Loading activity…</p>
      ) : events.length === 0 ? (
        <p className="muted">Nothing matches.</p>
      ) : (
        <ol className="activity-list">
          {events.map((e) => (
            <li key={e.id} data-testid="activity-row" data-action={e.action}>
              <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              <span>
                <strong>{e.actor?.name ?? "Someone"}</strong> {e.summary}
                {e.object.label && (
                  <>
                    {": "}
                    {e.object.href ? <Link href={e.object.href}>{e.object.label}</Link> : e.object.label}
                  </>
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
      {activity.hasNextPage && (
        <button type="button" className="btn" onClick={() => void activity.fetchNextPage()} disabled={activity.isFetchingNextPage}>
          {activity.isFetchingNextPage ? "Loading…" : "Older events"}
        </button>
      )}
    </>
  );
}
