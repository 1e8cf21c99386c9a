import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { needsSetup } from "@/lib/server/setup/first-run";
import { SignInForm } from "./sign-in-form";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { configuredOrigin } from "@/lib/http/app-origin";
import { enabledProviders } from "@/lib/auth/providers";

/** Why a provider sign-in was turned away (lib/auth/provider-sign-in.ts). */
const PROVIDER_ERRORS = new Map(
  Object.entries({
    UnverifiedEmail: "That account's e-mail is not verified by the provider, so it cannot be matched to a Claimdesk account.",
    NoAccount: "No Claimdesk account or invitation has that e-mail. Ask an admin of your team for an invitation.",
  }),
);

export const metadata: Metadata = { title: "Sign in" };
// It asks the database whether the install still needs its first-run setup.
export const dynamic = "force-dynamic";

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string }> }) {
  // A first run without the demo: no one can sign in yet.
  if (await needsSetup()) redirect("/setup");
  const { callbackUrl, error } = await searchParams;
  // Only a path of this app: an open redirect would send a freshly signed-in user anywhere.
  const target = safeCallbackPath(callbackUrl, configuredOrigin() ?? "http://localhost");
  return (
    <main id="main" tabIndex={-1} className="auth-page">
      <h1>Claimdesk</h1>
      <p className="muted">Sign in to your desk.</p>
      <SignInForm
        callbackUrl={target}
        providers={enabledProviders()}
        initialError={error ? (PROVIDER_ERRORS.get(error) ?? "Sign-in failed. Check your e-mail and password.") : null}
      />
    </main>
  );
}
