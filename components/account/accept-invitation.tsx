"use client";
import { signIn } from "next-auth/react";
import { useState } from "react";
import { ApiError, apiFetch } from "@/lib/queries/api-client";
import type { InvitationPreviewDto } from "@/lib/schemas/team";
import type { SignInProvider } from "@/lib/schemas/sign-in";
import { NewPasswordField } from "./password-input";
import { ProviderButtons } from "./provider-buttons";

type Props = { token: string; invitation: InvitationPreviewDto; signedInAs: string | null; providers: SignInProvider[] };

/**
 * The invite page's form. Someone new sets a name and a password; someone
 * with an account signs in with it; someone signed in as the invited
 * address (also through a provider that verified it) just accepts.
 */
export function AcceptInvitation({ token, invitation, signedInAs, providers }: Props) {
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const accept = (json: unknown) => apiFetch(`/api/invitations/${token}/accept`, { method: "POST", json });

  async function attempt(run: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await run();
      window.location.assign("/articles");
    } catch (e) {
      setError({
        message: e instanceof Error ? e.message : "The invitation could not be accepted.",
        field: e instanceof ApiError ? e.field : undefined,
      });
      setBusy(false);
    }
  }

  async function signInWith(password: string) {
    const result = await signIn("credentials", { email: invitation.email, password, redirect: false });
    if (!result?.ok || result.error)
      throw new Error(result?.error && result.error !== "CredentialsSignin" ? result.error : "Wrong password.");
  }

  const shownError = error && (
    <p role="alert" className="form-error">
      {error.message}
    </p>
  );

  if (signedInAs === invitation.email) {
    return (
      <div className="auth-form">
        <p>
          You are signed in as <strong>{signedInAs}</strong>.
        </p>
        {shownError}
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void attempt(async () => void (await accept({})))}>
          Join {invitation.teamName}
        </button>
      </div>
    );
  }
  if (signedInAs) {
    return (
      <p role="alert" className="form-error">
        You are signed in as {signedInAs}, but this invitation is for {invitation.email}. <a href="/signout">Sign out</a> first.
      </p>
    );
  }
  const providerButtons = (
    <ProviderButtons
      providers={providers}
      callbackUrl={`/invite/${token}`}
      intro={`Or with an account whose verified e-mail is ${invitation.email}:`}
    />
  );

  if (invitation.accountExists) {
    return (
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          const password = String(new FormData(e.currentTarget).get("password"));
          void attempt(async () => {
            await signInWith(password);
            await accept({});
          });
        }}
      >
        <p>{invitation.email} already has a Claimdesk account: sign in to join.</p>
        <label>
          Password
          <input name="password" type="password" required autoComplete="current-password" />
        </label>
        {shownError}
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? "Joining…" : "Sign in and join"}
        </button>
        {providerButtons}
      </form>
    );
  }
  return (
    <form
      className="auth-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const name = String(f.get("name"));
        const password = String(f.get("password"));
        void attempt(async () => {
          await accept({ name, password });
          await signInWith(password);
        });
      }}
    >
      <label>
        E-mail
        <input type="email" value={invitation.email} readOnly autoComplete="username" />
      </label>
      <label>
        Your name
        <input name="name" required autoComplete="name" aria-invalid={error?.field === "name" || undefined} />
      </label>
      <NewPasswordField invalid={error?.field === "password"} />
      {shownError}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Joining…" : `Join ${invitation.teamName}`}
      </button>
      {providerButtons}
    </form>
  );
}
