/**
 * The e-mail and password fields of a sign-in with a password. With `email`,
 * the address is shown read-only: the same person signing in again.
 */
export function CredentialFields({ email }: { email?: string }) {
  return (
    <>
      <label>
        E-mail
        {email === undefined ? (
          <input name="email" type="email" autoComplete="username" required autoFocus />
        ) : (
          <input name="email" type="email" value={email} readOnly autoComplete="username" />
        )}
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
    </>
  );
}

/** What a refused sign-in with a password says: the server's own reason, or `fallback` for its generic refusal. */
export const credentialsError = (error: string | null | undefined, fallback: string) =>
  error && error !== "CredentialsSignin" ? error : fallback;
