"use client";
import { useState } from "react";
import { useNotificationSettings, useSaveNotificationSettings } from "@/lib/queries/use-comments";
import { EMAIL_CHOICES, EMAIL_CHOICE_LABELS, type EmailChoice } from "@/lib/schemas/notification";

/** /account: how one hears of notifications by e-mail in each team (each, a daily digest, none). */
export function EmailNotifications() {
  const settings = useNotificationSettings();
  const save = useSaveNotificationSettings();
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  if (!settings.data) return null;
  const { mailEnabled, digestHourUtc, teams } = settings.data;
  return (
    <section aria-labelledby="email-notifications-title">
      <h2 id="email-notifications-title">E-mail notifications</h2>
      {!mailEnabled && <p className="muted small">This server sends no e-mail (no SMTP_URL): notifications are in the app only.</p>}
      {teams.map((t) => (
        <fieldset key={t.teamId} disabled={save.isPending}>
          <legend>{t.teamName}</legend>
          {EMAIL_CHOICES.map((choice: EmailChoice) => (
            <label key={choice} className="radio-row">
              <input
                type="radio"
                name={`email-${t.teamId}`}
                value={choice}
                checked={t.email === choice}
                onChange={() => {
                  setMessage(null);
                  save.mutate(
                    { teamId: t.teamId, version: t.version, email: choice },
                    { onSuccess: () => setMessage({ text: "Saved." }), onError: (e) => setMessage({ text: e.message, error: true }) },
                  );
                }}
              />
              {EMAIL_CHOICE_LABELS[choice]}
              {choice === "digest" && <span className="muted small"> (at {String(digestHourUtc).padStart(2, "0")}:00 UTC)</span>}
            </label>
          ))}
        </fieldset>
      ))}
      {message && (
        <p role={message.error ? "alert" : "status"} className={message.error ? "form-error" : "muted small"}>
          {message.text}
        </p>
      )}
    </section>
  );
}
