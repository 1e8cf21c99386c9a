"use client";
import { useState, type FormEvent } from "react";
import { ROLES, type InvitationCreatedDto, type Role } from "@/lib/schemas/team";
import { ApiError } from "@/lib/queries/api-client";
import { DEFAULT_INVITE_ROLE } from "@/lib/policies/team";
import { useRosterMutations } from "@/lib/queries/use-team";
import { OneTimeLink } from "./one-time-link";
import { FormError } from "@/components/ui/form-error";

/** Invite by e-mail and role; shows the link to copy (and whether it was e-mailed). */
export function InviteForm({ emailEnabled }: { emailEnabled: boolean }) {
  const { invite } = useRosterMutations();
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [made, setMade] = useState<InvitationCreatedDto | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setError(null);
    try {
      setMade(await invite.mutateAsync({ email: String(data.get("email")), role: String(data.get("role")) as Role }));
      form.reset();
    } catch (e) {
      setError({
        message: e instanceof Error ? e.message : "The invitation was not made.",
        field: e instanceof ApiError ? e.field : undefined,
      });
    }
  }

  return (
    <section className="invite-box" aria-labelledby="invite-title">
      <h2 id="invite-title">Invite someone</h2>
      <form className="invite-form" onSubmit={handleSubmit} noValidate>
        <label>
          E-mail
          <input name="email" type="email" required aria-invalid={error?.field === "email"} />
        </label>
        <label>
          Role
          <select name="role" defaultValue={DEFAULT_INVITE_ROLE}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={invite.isPending}>
          {invite.isPending ? "Inviting…" : "Invite"}
        </button>
      </form>
      <p className="small muted">
        {emailEnabled
          ? "The link is e-mailed and also shown here to copy."
          : "E-mail is not set up on this desk: copy the link and send it yourself."}
      </p>
      <FormError error={error} />
      {made && (
        <OneTimeLink
          title={`Invitation for ${made.invitation.email} (${made.invitation.role})`}
          link={made.link}
          to={made.invitation.email}
        />
      )}
    </section>
  );
}
