"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { ApiError, apiFetch } from "@/lib/queries/api-client";
import { NewPasswordField } from "./password-input";
import { FormError } from "@/components/ui/form-error";

/** The first-run form: the first team and its admin, then signed in. */
export function SetupForm() {
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const input = {
      teamName: String(f.get("teamName")),
      name: String(f.get("name")),
      email: String(f.get("email")),
      password: String(f.get("password")),
    };
    setBusy(true);
    setError(null);
    try {
      await apiFetch("/api/setup", { method: "POST", json: input });
      await signIn("credentials", { email: input.email.trim().toLowerCase(), password: input.password, redirect: false });
      window.location.assign("/team");
    } catch (e) {
      setError({ message: e instanceof Error ? e.message : "Setup failed.", field: e instanceof ApiError ? e.field : undefined });
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={handleSubmit} noValidate>
      <label>
        Team name
        <input name="teamName" required placeholder="e.g. Verification Desk" aria-invalid={error?.field === "teamName" || undefined} />
      </label>
      <label>
        Your name
        <input name="name" required autoComplete="name" aria-invalid={error?.field === "name" || undefined} />
      </label>
      <label>
        Your e-mail
        <input name="email" type="email" required autoComplete="username" aria-invalid={error?.field === "email" || undefined} />
      </label>
      <NewPasswordField invalid={error?.field === "password"} />
      <FormError error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Setting up…" : "Create the team and its admin"}
      </button>
    </form>
  );
}
