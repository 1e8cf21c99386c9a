"use client";
import { useId, useState } from "react";
import { useImportAnnotations } from "@/lib/queries/use-reports";
import { MAX_W3C_IMPORT_BYTES, type ImportReportDto } from "@/lib/schemas/report";

/** Imports a W3C Web Annotation file or Hypothesis API JSON into the article and lists what could not be placed, and why. */
export function ImportAnnotations({ articleId }: { articleId: string }) {
  const inputId = useId();
  const mutation = useImportAnnotations(articleId);
  const [problem, setProblem] = useState<string | null>(null);

  async function handleFile(file: File | undefined) {
    setProblem(null);
    mutation.reset();
    if (!file) return;
    if (file.size > MAX_W3C_IMPORT_BYTES) return setProblem(`The file is larger than ${MAX_W3C_IMPORT_BYTES / 1024 / 1024} MB.`);
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      return setProblem(`${file.name} is not JSON.`);
    }
    mutation.mutate(json);
  }

  return (
    <div className="export-menu-section">
      <label htmlFor={inputId} className="export-menu-title">
        Import W3C annotations
      </label>
      <p id={`${inputId}-hint`} className="muted small">
        W3C Web Annotations, or Hypothesis API JSON (a search response or the client&apos;s export). Tags map to verdicts as the team
        settings say.
      </p>
      <input
        id={inputId}
        aria-describedby={`${inputId}-hint`}
        type="file"
        accept=".json,.jsonld,application/json,application/ld+json"
        disabled={mutation.isPending}
        onChange={(e) => void handleFile(e.target.files?.[0])}
      />
      {mutation.isPending && (
        <p className="muted small" role="status">
          Placing annotations…
        </p>
      )}
      {(problem || mutation.error) && (
        <p className="form-error" role="alert">
          {problem ?? mutation.error?.message}
        </p>
      )}
      {mutation.data && <ImportResult result={mutation.data} />}
    </div>
  );
}

function ImportResult({ result }: { result: ImportReportDto }) {
  return (
    <div className="import-result" role="status" data-testid="import-result">
      <p>
        Imported {result.imported.length} of {result.total} annotation{result.total === 1 ? "" : "s"}.
      </p>
      {result.failed.length > 0 && (
        <>
          <p>{result.failed.length} could not be placed:</p>
          <ul>
            {result.failed.map((f) => (
              <li key={f.index}>
                #{f.index + 1}: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
