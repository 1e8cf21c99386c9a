"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { apiFetch } from "@/lib/queries/api-client";
import { NewPasswordField } from "./password-input";
import { FormError } from "@/components/ui/form-error";

/** Sets a new password from a one-time link, then signs in with it. */
export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get("password"));
    setBusy(true);
    setError(null);
    try {
      await apiFetch(`/api/password-resets/${token}`, { method: "POST", json: { password } });
      await signIn("credentials", { email, password, redirect: false });
      window.location.assign("/articles");
    } catch (e) {
      setError(e instanceof Error ? e.message : "The password was not set.");
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={handleSubmit} noValidate>
      <label>
        E-mail
        <input type="email" value={email} readOnly autoComplete="username" />
      </label>
      <NewPasswordField label="New password" invalid={!!error} />
      <FormError error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Saving…" : "Set password and sign in"}
      </button>
    </form>
  );
}
