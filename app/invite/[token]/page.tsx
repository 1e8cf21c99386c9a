import type { Metadata } from "next";
import { getAccount } from "@/lib/auth/current-user";
import { enabledProviders } from "@/lib/auth/providers";
import { AppError } from "@/lib/errors";
import { previewInvitation } from "@/lib/server/team/preview-invitation";
import { AcceptInvitation } from "@/components/account/accept-invitation";
import { roleWithArticle } from "@/lib/policies/roles";

export const metadata: Metadata = { title: "Invitation", referrer: "no-referrer" };

/** /invite/{token}: the one-time link of an invitation (no sign-in needed). */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await previewInvitation(token).catch((e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));
  if (invitation instanceof AppError) {
    return (
      <main id="main" tabIndex={-1} className="auth-page">
        <h1>Invitation</h1>
        <p role="alert" className="form-error">
          {invitation.message}
        </p>
        <p>
          <a href="/signin">Sign in</a>
        </p>
      </main>
    );
  }
  const account = await getAccount();
  return (
    <main id="main" tabIndex={-1} className="auth-page">
      <h1>Join {invitation.teamName}</h1>
      <p className="muted">
        {invitation.invitedBy ?? "An admin"} invited {invitation.email} as {roleWithArticle(invitation.role)}.
      </p>
      <AcceptInvitation token={token} invitation={invitation} signedInAs={account?.email ?? null} providers={enabledProviders()} />
    </main>
  );
}
