"use client";
import { useState, type FormEvent } from "react";
import { VERDICTS, VERDICT_LABELS } from "@/lib/schemas/claim";
import type { TeamSettingsDto } from "@/lib/schemas/team";
import { ApiError } from "@/lib/queries/api-client";
import { useTeamSettings, useUpdateTeamSettings } from "@/lib/queries/use-team";
import { PublishingSettingsFields, readPublishingSettings } from "./publishing-settings-fields";
import { QueryFallback } from "@/components/ui/query-fallback";
import "./team.css";

/** /team/settings: the team's name and slug, the publisher that reports and ClaimReview name as author, the verdicts' public wording, and the publishing settings. */
export function TeamSettingsForm() {
  const { data, error, isPending } = useTeamSettings();
  if (isPending || error) return <QueryFallback error={error} loading="Loading settings…" />;
  return <SettingsForm key={data.version} settings={data} />;
}

function SettingsForm({ settings }: { settings: TeamSettingsDto }) {
  const update = useUpdateTeamSettings();
  const [message, setMessage] = useState<{ text: string; field?: string; ok?: boolean } | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (name: string) => String(f.get(name) ?? "");
    setMessage(null);
    const publishing = readPublishingSettings(f);
    if (!publishing.ok) return setMessage({ text: publishing.message, field: publishing.field });
    try {
      await update.mutateAsync({
        version: settings.version,
        name: text("name"),
        slug: text("slug"),
        publisherName: text("publisherName"),
        publisherUrl: text("publisherUrl"),
        publisherLogoUrl: text("publisherLogoUrl"),
        verdictLabels: { verified: text("label-verified"), disputed: text("label-disputed"), unsourced: text("label-unsourced") },
        ...publishing.value,
      });
      setMessage({ text: "Saved.", ok: true });
    } catch (e) {
      setMessage({ text: e instanceof Error ? e.message : "Not saved.", field: e instanceof ApiError ? e.field : undefined });
    }
  }

  const invalid = (field: string) => message?.field === field || undefined;
  return (
    <form className="settings-form" onSubmit={handleSubmit} noValidate>
      <fieldset>
        <legend>Team</legend>
        <label>
          Name
          <input name="name" defaultValue={settings.name} required aria-invalid={invalid("name")} />
        </label>
        <label>
          Slug
          <input name="slug" defaultValue={settings.slug} required aria-invalid={invalid("slug")} />
          <span className="small muted">Lower-case letters, digits and hyphens; used in the team's public URLs.</span>
        </label>
      </fieldset>
      <fieldset>
        <legend>Publisher</legend>
        <p className="small muted">Reports and ClaimReview name the publisher as the fact-check's author. Empty: the team's name.</p>
        <label>
          Name
          <input name="publisherName" defaultValue={settings.publisherName ?? ""} aria-invalid={invalid("publisherName")} />
        </label>
        <label>
          Web site
          <input
            name="publisherUrl"
            type="url"
            defaultValue={settings.publisherUrl ?? ""}
            placeholder="https://"
            aria-invalid={invalid("publisherUrl")}
          />
        </label>
        <label>
          Logo URL
          <input
            name="publisherLogoUrl"
            type="url"
            defaultValue={settings.publisherLogoUrl ?? ""}
            placeholder="https://"
            aria-invalid={invalid("publisherLogoUrl")}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Public wording of the verdicts</legend>
        <p className="small muted">What published fact-checks call each verdict (ClaimReview's rating). Empty: the default.</p>
        {VERDICTS.map((v) => (
          <label key={v}>
            {VERDICT_LABELS[v]}
            <input
              name={`label-${v}`}
              defaultValue={settings.verdictLabels[v] ?? ""}
              placeholder={VERDICT_LABELS[v]}
              aria-invalid={invalid(`verdictLabels.${v}`)}
            />
          </label>
        ))}
      </fieldset>
      <PublishingSettingsFields settings={settings} invalid={invalid} />
      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "muted" : "form-error"}>
          {message.text}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={update.isPending}>
        {update.isPending ? "Saving…" : "Save settings"}
      </button>
    </form>
  );
}
