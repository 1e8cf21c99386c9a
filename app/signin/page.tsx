import type { Metadata } from "next";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  // Only same-site paths: an open redirect would send a signed-in user anywhere.
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/articles";
  return (
    <main className="auth-page">
      <h1>Claimdesk</h1>
      <p className="muted">Sign in to your desk.</p>
      <SignInForm callbackUrl={target} initialError={error ? "Sign-in failed. Check your e-mail and password." : null} />
    </main>
  );
}
