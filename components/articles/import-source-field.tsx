"use client";
import { useState, type ChangeEvent } from "react";
import { MAX_IMPORT_FILE_BYTES, type SnapshotDto } from "@/lib/schemas/article";
import { fileToBase64 } from "@/lib/import/file-to-base64";
import { useFetchArticle, type ClientImportSource } from "@/lib/queries/use-article-import";
import { formatDateTime } from "@/lib/format-date";

type Mode = "paste" | "file" | "url";

type Props = {
  onChange: (source: ClientImportSource | null) => void;
  /** Several files chosen at once: the form imports them one by one. */
  onBulk: (files: File[]) => void;
  /** The server's message for the text, the file or the address, if any. */
  error: string | null;
};

const MODES: { mode: Mode; label: string }[] = [
  { mode: "paste", label: "Paste text" },
  { mode: "file", label: "Upload a file" },
  { mode: "url", label: "Fetch a web page" },
];

/** Paste the text, choose .txt, .md or .html files (at most 10 MiB each), or give a page's address for the server to fetch. */
export function ImportSourceField({ onChange, onBulk, error }: Props) {
  const [mode, setMode] = useState<Mode>("paste");
  const [text, setText] = useState("");
  const [address, setAddress] = useState("");
  const [snapshot, setSnapshot] = useState<SnapshotDto | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const fetching = useFetchArticle();

  async function handleFile(e: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(e.target.files ?? []);
    setFileError(null);
    if (files.length === 0) return onChange(null);
    if (files.length > 1) return onBulk(files);
    const file = files[0]!;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setFileError("The file is larger than 10 MiB. Save the article's text alone and import that.");
      return onChange(null);
    }
    onChange({ file: { name: file.name, base64: await fileToBase64(file) } });
  }

  function handleFetch() {
    setSnapshot(null);
    onChange(null);
    fetching.mutate(address.trim(), {
      onSuccess: (s) => {
        setSnapshot(s);
        onChange({ snapshotId: s.id });
      },
    });
  }

  function handleMode(next: Mode) {
    setMode(next);
    fetching.reset();
    onChange(next === "paste" && text ? { text } : next === "url" && snapshot ? { snapshotId: snapshot.id } : null);
  }

  const shown = fileError ?? (fetching.error ? fetching.error.message : null) ?? error;
  return (
    <fieldset className="import-source">
      <legend>Article text</legend>
      <div className="segmented" role="radiogroup" aria-label="Source">
        {MODES.map(({ mode: m, label }) => (
          <label key={m}>
            <input type="radio" name="source-mode" checked={mode === m} onChange={() => handleMode(m)} />
            {label}
          </label>
        ))}
      </div>
      {mode === "paste" && (
        <label className="field">
          <span>Text</span>
          <textarea
            rows={10}
            value={text}
            aria-invalid={!!shown}
            onChange={(e) => {
              setText(e.target.value);
              onChange({ text: e.target.value });
            }}
          />
        </label>
      )}
      {mode === "file" && (
        <label className="field">
          <span>
            Files (.txt, .md or .html, at most 10 MiB each and 1 MiB of text; UTF-8 unless the page declares its encoding; choose several to
            import them all)
          </span>
          <input
            type="file"
            multiple
            accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
            aria-invalid={!!shown}
            onChange={handleFile}
          />
        </label>
      )}
      {mode === "url" && (
        <div className="fetch-row">
          <label className="field">
            <span>Page address</span>
            <input
              type="url"
              inputMode="url"
              placeholder="https://"
              value={address}
              aria-invalid={!!shown}
              onChange={(e) => setAddress(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && address.trim()) {
                  e.preventDefault();
                  handleFetch();
                }
              }}
            />
          </label>
          <button type="button" className="btn" disabled={!address.trim() || fetching.isPending} onClick={handleFetch}>
            {fetching.isPending ? "Fetching…" : "Fetch page"}
          </button>
        </div>
      )}
      {mode === "url" && snapshot && (
        <p className="muted small" data-testid="snapshot-info">
          Fetched {formatDateTime(snapshot.fetchedAt)}: {snapshot.finalUrl} ({snapshot.status}, {snapshot.contentType},{" "}
          {(snapshot.size / 1024).toFixed(0)} KB). The page is kept as the article’s snapshot.
        </p>
      )}
      {shown && (
        <p role="alert" className="form-error" data-field="source">
          {shown}
        </p>
      )}
    </fieldset>
  );
}
