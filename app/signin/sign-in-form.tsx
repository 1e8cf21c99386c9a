"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import type { SignInProvider } from "@/lib/schemas/sign-in";
import { ProviderButtons } from "@/components/account/provider-buttons";
import { CredentialFields, credentialsError } from "@/components/account/credential-fields";
import { FormError } from "@/components/ui/form-error";

/** What an incomplete form lacks, said before asking the server (which could only say "wrong e-mail or password"). */
function missingFields(email: string, password: string): { field: "email" | "password"; message: string } | null {
  if (!email.trim() && !password) return { field: "email", message: "Enter your e-mail address and password." };
  if (!email.trim()) return { field: "email", message: "Enter your e-mail address." };
  if (!password) return { field: "password", message: "Enter your password." };
  return null;
}

type Props = { callbackUrl: string; initialError: string | null; providers: SignInProvider[] };

export function SignInForm({ callbackUrl, initialError, providers }: Props) {
  const [error, setError] = useState(initialError);
  const [busy, setBusy] = useState(false);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const missing = missingFields(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
    if (missing) {
      setError(missing.message);
      event.currentTarget.querySelector<HTMLInputElement>(`input[name="${missing.field}"]`)?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    setBusy(false);
    if (result?.ok && !result.error) {
      window.location.assign(callbackUrl);
      return;
    }
    setError(credentialsError(result?.error, "Wrong e-mail or password."));
  }

  return (
    <form className="auth-form" onSubmit={handleSubmit} noValidate>
      <CredentialFields />
      <FormError error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? "Signing in…" : "Sign in"}
      </button>
      <ProviderButtons providers={providers} callbackUrl={callbackUrl} intro="Or with an account whose e-mail the provider has verified:" />
    </form>
  );
}
