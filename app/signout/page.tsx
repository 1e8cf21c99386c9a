import type { Metadata } from "next";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default function SignOutPage() {
  return (
    <main id="main" tabIndex={-1} className="auth-page">
      <h1>Sign out of Claimdesk?</h1>
      <SignOutButton />
    </main>
  );
}
