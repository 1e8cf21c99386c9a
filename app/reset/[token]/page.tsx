import type { Metadata } from "next";
import { AppError } from "@/lib/errors";
import { previewPasswordReset } from "@/lib/server/account/use-password-reset";
import { ResetPasswordForm } from "@/components/account/reset-password-form";

export const metadata: Metadata = { title: "New password", referrer: "no-referrer" };

/** /reset/{token}: a one-time link to choose a new password (no sign-in needed). */
export default async function ResetPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const reset = await previewPasswordReset(token).catch((e: unknown) => (e instanceof AppError ? e : Promise.reject(e)));
  return (
    <main id="main" tabIndex={-1} className="auth-page">
      <h1>Choose a new password</h1>
      {reset instanceof AppError ? (
        <p role="alert" className="form-error">
          {reset.message}
        </p>
      ) : (
        <>
          <p className="muted">Setting it signs you out everywhere else.</p>
          <ResetPasswordForm token={token} email={reset.email} />
        </>
      )}
    </main>
  );
}
