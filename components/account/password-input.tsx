/** A new-password field with its rules said up front (the server also refuses common passwords, and says so). */
export function NewPasswordField({ label = "Password", invalid }: { label?: string; invalid?: boolean }) {
  return (
    <div className="field">
      <label>
        {label}
        <input
          name="password"
          type="password"
          required
          minLength={10}
          autoComplete="new-password"
          aria-invalid={invalid || undefined}
          aria-describedby="password-rules"
        />
      </label>
      <span id="password-rules" className="small muted field-hint">
        At least 10 characters; not a common password, nor your name or e-mail.
      </span>
    </div>
  );
}
