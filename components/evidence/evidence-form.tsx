"use client";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { createEvidenceSchema, type CreateEvidenceInput, type EvidenceDto, type EvidenceKind } from "@/lib/schemas/evidence";
import { EvidenceKindOptions } from "./evidence-kind-options";

type Values = Record<"title" | "url" | "publisher" | "author" | "publishedDate" | "accessedDate" | "quote" | "notes" | "date", string> & {
  kind: EvidenceKind;
  internal: boolean;
};

const valuesOf = (item?: EvidenceDto): Values => ({
  kind: item?.kind ?? "web_source",
  title: item?.title ?? "",
  url: item?.url ?? "",
  publisher: item?.publisher ?? "",
  author: item?.author ?? "",
  publishedDate: item?.publishedDate ?? "",
  accessedDate: item?.accessedDate ?? "",
  quote: item?.quote ?? "",
  notes: item?.notesHtml ?? "",
  date: item?.date ?? "",
  internal: item?.internal ?? false,
});

/** [field, label, hint, shown in the compact (inline) form] */
const TEXT_FIELDS: [Exclude<keyof Values, "kind" | "internal">, string, string | null, boolean][] = [
  ["url", "URL", "http:// or https://", true],
  ["publisher", "Publisher", null, true],
  ["author", "Author", null, false],
  ["publishedDate", "Published", "YYYY, YYYY-MM or YYYY-MM-DD", true],
  ["accessedDate", "Accessed", "YYYY-MM-DD", false],
];

/**
 * Create or edit a library item. Checked with the same zod schema as the
 * server; a refused save keeps everything typed and names the field at fault.
 * `compact` is the small inline form of the claim card.
 */
export function EvidenceForm({
  initial,
  compact,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: EvidenceDto;
  compact?: boolean;
  submitLabel: string;
  onSubmit: (input: CreateEvidenceInput) => Promise<unknown>;
  onCancel: () => void;
}) {
  const id = useId();
  const [values, setValues] = useState<Values>(() => valuesOf(initial));
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (k: Exclude<keyof Values, "internal">, v: string) => setValues((all) => ({ ...all, [k]: v }));

  async function handleSubmit(e: FormEvent) {
    e.preventDefault();
    const parsed = createEvidenceSchema.safeParse(values);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return setError({ field: issue.path.join("."), message: issue.message });
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit(parsed.data);
    } catch (err) {
      const field = (err as { field?: string }).field?.replace(/^evidence\./, "");
      setError({ field, message: err instanceof Error ? err.message : "The item could not be saved." });
    } finally {
      setSaving(false);
    }
  }

  const handleKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCancel();
    }
  };
  const fieldProps = (k: keyof Values) => ({
    id: `${id}-${k}`,
    "aria-invalid": error?.field === k ? true : undefined,
    "aria-describedby": error?.field === k ? `${id}-error` : undefined,
  });
  const fieldError = (k: string) =>
    error?.field === k && (
      <span className="field-error" id={`${id}-error`} role="alert">
        {error.message}
      </span>
    );

  return (
    <form
      className={`evidence-form${compact ? " is-compact" : ""}`}
      onSubmit={handleSubmit}
      onKeyDown={handleKeyDown}
      aria-label={submitLabel}
      noValidate
    >
      <label>
        Kind
        <select {...fieldProps("kind")} value={values.kind} onChange={(e) => set("kind", e.target.value)}>
          <EvidenceKindOptions />
        </select>
      </label>
      <label className={compact ? undefined : "wide"}>
        Title
        <input {...fieldProps("title")} value={values.title} onChange={(e) => set("title", e.target.value)} autoFocus required />
        {fieldError("title")}
      </label>
      {values.kind === "dated_fact" && (
        <label>
          Date or interval
          <input
            {...fieldProps("date")}
            value={values.date}
            onChange={(e) => set("date", e.target.value)}
            placeholder="2022-06-28/2022-06-30"
          />
          <span className="field-hint">ISO date or start/end</span>
          {fieldError("date")}
          {fieldError("datePrecision")}
        </label>
      )}
      {TEXT_FIELDS.filter(([, , , inCompact]) => !compact || inCompact).map(([k, label, hint]) => (
        <label key={k}>
          {label}
          <input {...fieldProps(k)} value={values[k]} onChange={(e) => set(k, e.target.value)} />
          {hint && <span className="field-hint">{hint}</span>}
          {fieldError(k)}
        </label>
      ))}
      <label className="wide">
        Quoted passage
        <textarea {...fieldProps("quote")} rows={compact ? 2 : 3} value={values.quote} onChange={(e) => set("quote", e.target.value)} />
        {fieldError("quote")}
      </label>
      {!compact && (
        <div className="wide">
          <RichTextEditor
            value={values.notes}
            onChange={(html) => set("notes", html)}
            ariaLabel="Notes"
            placeholder="Notes: what it shows, caveats…"
          />
          {fieldError("notes")}
        </div>
      )}
      <label className="wide checkbox-field">
        <input
          type="checkbox"
          checked={values.internal}
          onChange={(e) => setValues((all) => ({ ...all, internal: e.target.checked }))}
          aria-describedby={`${id}-internal-hint`}
        />
        Internal: for the desk only
        <span className="field-hint" id={`${id}-internal-hint`}>
          Call notes, private documents, a source&rsquo;s e-mail: kept out of published fact-checks.
        </span>
      </label>
      {error && !["title", "date", "datePrecision", "quote", "notes", ...TEXT_FIELDS.map(([k]) => k)].includes(error.field ?? "") && (
        <p role="alert" className="form-error wide">
          {error.message}
        </p>
      )}
      <div className="row-actions wide">
        <button type="submit" className="btn btn-primary btn-small" disabled={saving}>
          {saving ? "Saving…" : submitLabel}
        </button>
        <button type="button" className="btn btn-small" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
      </div>
    </form>
  );
}
