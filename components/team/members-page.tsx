"use client";
import { useState } from "react";
import { useRoster, useRosterMutations } from "@/lib/queries/use-team";
import { InviteForm } from "./invite-form";
import { MemberRow } from "./member-row";
import { formatDateTime } from "@/lib/format-date";
import { QueryFallback } from "@/components/ui/query-fallback";
import { FormError } from "@/components/ui/form-error";
import "./team.css";

/** /team: the members with status, activity and counts; admins invite and manage, editors read. */
export function MembersPage({ selfId }: { selfId: string }) {
  const { data, error, isPending } = useRoster();
  const { revoke } = useRosterMutations();
  const [revokeError, setRevokeError] = useState<string | null>(null);
  if (isPending || error) return <QueryFallback error={error} loading="Loading members…" />;
  const manage = data.can.manageMembers;
  return (
    <>
      {manage ? (
        <InviteForm emailEnabled={data.emailEnabled} />
      ) : (
        <p className="muted">You can see the team's members; admins manage them.</p>
      )}
      <div className="table-scroll">
        <table className="data-table data-table--cards members-table">
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Role</th>
              <th scope="col">Status</th>
              <th scope="col">Last active</th>
              <th scope="col" className="num">
                Claims
              </th>
              <th scope="col" className="num">
                Reviews
              </th>
              {manage && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {data.members.map((m) => (
              <MemberRow key={m.membershipId} member={m} manage={manage} isSelf={m.userId === selfId} />
            ))}
            {data.invitations.map((i) => (
              <tr key={i.id} data-testid="invitation-row" data-email={i.email} data-status="invited">
                <td>
                  <strong>{i.email}</strong>
                  <div className="small muted">
                    invited by {i.invitedBy?.name ?? "an admin"}, until {formatDateTime(i.expiresAt)}
                  </div>
                </td>
                <td data-label="Role">{i.role}</td>
                <td data-label="Status">
                  <span className="member-status member-status--invited">invited</span>
                </td>
                <td className="hide-narrow">
                  <span className="muted">—</span>
                </td>
                <td className="num hide-narrow">—</td>
                <td className="num hide-narrow">—</td>
                {manage && (
                  <td>
                    <div className="member-actions">
                      <button
                        type="button"
                        className="btn btn-small btn-danger"
                        onClick={() => {
                          setRevokeError(null);
                          revoke.mutateAsync(i).catch((e: Error) => setRevokeError(e.message));
                        }}
                      >
                        Withdraw
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <FormError error={revokeError} />
    </>
  );
}
