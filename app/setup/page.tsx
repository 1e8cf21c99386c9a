import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { needsSetup } from "@/lib/server/setup/first-run";
import { SetupForm } from "@/components/account/setup-form";

export const metadata: Metadata = { title: "Set up Claimdesk" };
export const dynamic = "force-dynamic";

/** /setup: only while the install has no user (a first run without the demo); gone afterwards. */
export default async function SetupPage() {
  if (!(await needsSetup())) notFound();
  return (
    <main id="main" tabIndex={-1} className="auth-page">
      <h1>Set up Claimdesk</h1>
      <p className="muted">Create your team and its first admin. You can invite everyone else afterwards.</p>
      <SetupForm />
    </main>
  );
}
