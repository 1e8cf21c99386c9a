"use client";
import { useState, type ChangeEvent } from "react";
import { MAX_IMPORT_BYTES, type ImportSource } from "@/lib/schemas/article";
import { fileToBase64 } from "@/lib/import/file-to-base64";

type Props = {
  onChange: (source: ImportSource | null) => void;
  /** The server's message for the text or the file, if any. */
  error: string | null;
};

/** Paste the text, or choose a .txt, .md or .html file (at most 1 MiB, UTF-8). */
export function ImportSourceField({ onChange, error }: Props) {
  const [mode, setMode] = useState<"paste" | "file">("paste");
  const [text, setText] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);

  async function handleFile(e: ChangeEvent<HTMLInputElement>) {
    const file = e.target.files?.[0];
    setFileError(null);
    if (!file) return onChange(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError("The file is larger than 1 MiB. Split the article or trim it before importing.");
      return onChange(null);
    }
    onChange({ file: { name: file.name, base64: await fileToBase64(file) } });
  }

  const shown = fileError ?? error;
  return (
    <fieldset className="import-source">
      <legend>Article text</legend>
      <div className="segmented" role="radiogroup" aria-label="Source">
        {(["paste", "file"] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="source-mode" checked={mode === m} onChange={() => { setMode(m); onChange(m === "paste" && text ? { text } : null); }} />
            {m === "paste" ? "Paste text" : "Upload a file"}
          </label>
        ))}
      </div>
      {mode === "paste" ? (
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
      ) : (
        <label className="field">
          <span>File (.txt, .md or .html, UTF-8, at most 1 MiB)</span>
          <input type="file" accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html" aria-invalid={!!shown} onChange={handleFile} />
        </label>
      )}
      {shown && <p role="alert" className="form-error" data-field="source">{shown}</p>}
    </fieldset>
  );
}
