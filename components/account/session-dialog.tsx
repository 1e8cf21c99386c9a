"use client";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError } from "@/lib/queries/api-client";
import { sessionAbandoned, sessionRestored, subscribeSessionGate } from "@/lib/queries/session-gate";
import { CredentialFields, credentialsError } from "./credential-fields";
import { FormError } from "@/components/ui/form-error";

type Provider = { id: string; name: string };

/**
 * Opens when a request is refused because the session ended (401), and lets
 * the person sign in again without leaving the page: what they typed or
 * tagged stays where it is, and the refused requests are sent again once the
 * session is back (lib/queries/session-gate.ts). The address is the one the
 * page was opened as, so the kept work is never sent as somebody else.
 * Provider accounts sign in in a new tab, then come back and continue.
 */
export function SessionDialog({
  email,
  teamId,
  teamName,
  providers,
}: {
  email: string;
  teamId: string | null;
  teamName: string | null;
  providers: Provider[];
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => subscribeSessionGate(setOpen), []);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first field, the read-only e-mail: the password is what to type.
      dialog.querySelector<HTMLInputElement>('input[name="password"]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  /** Signed in again: is this person still a member of the page's team? */
  async function checkBack(): Promise<boolean> {
    // In a team: still an active member of it? Outside one (the account pages): still signed in?
    const res = await fetch(teamId ? "/api/team" : "/api/account", {
      headers: { Accept: "application/json", ...(teamId ? { "x-claimdesk-team": teamId } : {}) },
      credentials: "same-origin",
    });
    if (res.ok) {
      sessionRestored();
      return true;
    }
    setError(
      res.status === 401
        ? `You are signed in, but no longer an active member of ${teamName ?? "this team"}. What you typed stays on this page; ask an admin of the team.`
        : "Signed in, but the desk did not answer. Try again.",
    );
    return false;
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get("password");
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email, password, redirect: false });
    if (result?.ok && !result.error) await checkBack();
    else setError(credentialsError(result?.error, "Wrong password."));
    setBusy(false);
  }

  function handleCancel() {
    sessionAbandoned(new ApiError("Your session has ended. Sign in again to save; what you typed is still here.", 401));
  }

  return (
    <dialog
      ref={ref}
      className="session-dialog"
      aria-labelledby="session-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        handleCancel();
      }}
    >
      {/* Rendered only while open: a closed dialog's fields would still be in the page for scripts and label look-ups. */}
      {open && (
        <>
          <h2 id="session-dialog-title">Sign in again to save</h2>
          <p>
            Your session has ended. Nothing you typed or tagged is lost: it stays on this page and is saved as soon as you are signed in
            again.
          </p>
          <form className="auth-form" onSubmit={handleSubmit}>
            <CredentialFields email={email} />
            <FormError error={error} />
            <div className="row-actions">
              <button type="submit" className="btn btn-primary" disabled={busy}>
                {busy ? "Signing in…" : "Sign in and save"}
              </button>
              <button type="button" className="btn" onClick={handleCancel} disabled={busy}>
                Not now
              </button>
            </div>
          </form>
          {providers.length > 0 && (
            <p className="small muted">
              Signed in with {providers.map((p) => p.name).join(" or ")}?{" "}
              <a href="/signin" target="_blank" rel="noopener">
                Sign in in a new tab
              </a>
              , then{" "}
              <button type="button" className="btn btn-small" onClick={() => void checkBack()}>
                continue here
              </button>
            </p>
          )}
        </>
      )}
    </dialog>
  );
}
