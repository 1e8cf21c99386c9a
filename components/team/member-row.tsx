"use client";
import { useState } from "react";
import { ROLES, type MemberRowDto, type OneTimeLinkDto, type Role } from "@/lib/schemas/team";
import { useRosterMutations } from "@/lib/queries/use-team";
import { formatDateTime } from "@/lib/format-date";
import { OneTimeLink } from "./one-time-link";
import { FormError } from "@/components/ui/form-error";

/** One member: read-only for editors; admins change the role, deactivate or reactivate, and make a password link. */
export function MemberRow({ member, manage, isSelf }: { member: MemberRowDto; manage: boolean; isSelf: boolean }) {
  const { change, resetPassword } = useRosterMutations();
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<OneTimeLinkDto | null>(null);
  const active = member.status === "active";

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : "That did not work.");
    }
  }
  const who = member.name ?? member.email;

  return (
    <tr data-testid="member-row" data-email={member.email} data-status={member.status}>
      <td>
        <strong>{who}</strong>
        {isSelf && <span className="muted"> (you)</span>}
        <div className="small muted">{member.email}</div>
        <FormError error={error} />
        {link && <OneTimeLink title={`Password link for ${who}`} link={link} to={member.email} />}
      </td>
      <td data-label="Role">
        {manage ? (
          <select
            aria-label={`Role of ${who}`}
            value={member.role}
            disabled={change.isPending}
            onChange={(e) => void run(() => change.mutateAsync({ member, change: { role: e.target.value as Role } }))}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        ) : (
          member.role
        )}
      </td>
      <td data-label="Status">
        <span className={`member-status member-status--${member.status}`}>{member.status}</span>
      </td>
      <td data-label="Last active">
        {member.lastActiveAt ? (
          <time dateTime={member.lastActiveAt}>{formatDateTime(member.lastActiveAt)}</time>
        ) : (
          <span className="muted">never</span>
        )}
      </td>
      <td className="num" data-label="Claims" data-testid="member-claims">
        {member.claims}
      </td>
      <td className="num" data-label="Reviews">
        {member.reviews}
      </td>
      {manage && (
        <td>
          <div className="member-actions">
            {active ? (
              <button
                type="button"
                className="btn btn-small btn-danger"
                onClick={() => void run(() => change.mutateAsync({ member, change: { status: "deactivated" } }))}
              >
                Deactivate
              </button>
            ) : (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void run(() => change.mutateAsync({ member, change: { status: "active" } }))}
              >
                Reactivate
              </button>
            )}
            {active && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void run(async () => setLink(await resetPassword.mutateAsync(member)))}
              >
                Password link
              </button>
            )}
          </div>
        </td>
      )}
    </tr>
  );
}
