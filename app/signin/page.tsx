import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { configuredOrigin } from "@/lib/http/app-origin";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  // Only a path of this app: an open redirect would send a freshly signed-in user anywhere.
  const target = safeCallbackPath(callbackUrl, configuredOrigin() ?? "http://localhost");
  return (
    <main className="auth-page">
      <h1>Claimdesk</h1>
      <p className="muted">Sign in to your desk.</p>
      <SignInForm callbackUrl={target} initialError={error ? "Sign-in failed. Check your e-mail and password." : null} />
    </main>
  );
}
