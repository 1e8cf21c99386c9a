"use client";
import Link from "next/link";
import { useState } from "react";
import { MAX_IMPORT_FILE_BYTES, type FoundMetadataDto } from "@/lib/schemas/article";
import { fileToBase64 } from "@/lib/import/file-to-base64";
import { useCreateArticle, usePreviewArticle } from "@/lib/queries/use-article-import";
import { FormError } from "@/components/ui/form-error";

type Result = { state: "waiting" | "working" } | { state: "saved"; id: string; title: string } | { state: "failed"; message: string };

/** The metadata the page states, as the create request's fields. */
const metaOf = (found: FoundMetadataDto) => ({
  title: found.title?.value ?? null,
  outlet: found.outlet?.value ?? null,
  author: found.author?.value ?? null,
  publishedDate: found.publishedDate?.value ?? null,
  modifiedDate: found.modifiedDate?.value ?? null,
  url: found.url?.value ?? null,
});

/**
 * Several files at once: each is imported on its own (the cleanup's choices
 * and the metadata the page states, unchanged), one after the other, and
 * each row shows its own result. One file's failure does not stop the others.
 */
export function BulkImport({ files }: { files: File[] }) {
  const previewing = usePreviewArticle();
  const creating = useCreateArticle();
  const [results, setResults] = useState<Result[]>(() => files.map(() => ({ state: "waiting" })));
  const [running, setRunning] = useState(false);
  const set = (i: number, r: Result) => setResults((all) => all.map((x, k) => (k === i ? r : x)));

  async function handleImport() {
    setRunning(true);
    for (const [i, file] of files.entries()) {
      if (results[i]?.state === "saved") continue;
      set(i, { state: "working" });
      try {
        if (file.size > MAX_IMPORT_FILE_BYTES) throw new Error("The file is larger than 10 MiB.");
        const source = { file: { name: file.name, base64: await fileToBase64(file) } };
        const preview = await previewing.mutateAsync({ ...source, restore: [], drop: [] });
        const article = await creating.mutateAsync({ ...source, ...metaOf(preview.found), restore: [], drop: [] });
        set(i, { state: "saved", id: article.id, title: article.title ?? file.name });
      } catch (e) {
        set(i, { state: "failed", message: e instanceof Error ? e.message : "Import failed." });
      }
    }
    setRunning(false);
  }

  return (
    <section className="bulk-import" aria-label="Import several files">
      <h2>{files.length} files</h2>
      <p className="muted small">
        Each file is cleaned up as the preview would, with the metadata its page states. Open an article afterwards to check it.
      </p>
      <ul>
        {files.map((file, i) => {
          const r = results[i]!;
          return (
            <li key={`${file.name}-${i}`} data-testid="bulk-row" data-state={r.state}>
              <span className="bulk-name">{file.name}</span> {r.state === "waiting" && <span className="muted">waiting</span>}
              {r.state === "working" && <span className="muted">importing…</span>}
              {r.state === "saved" && <Link href={`/articles/${r.id}`}>Saved: {r.title}</Link>}
              <FormError error={r.state === "failed" && r.message} as="span" />
            </li>
          );
        })}
      </ul>
      <div className="row-actions">
        <button
          type="button"
          className="btn btn-primary"
          disabled={running || results.every((r) => r.state === "saved")}
          onClick={handleImport}
        >
          {running ? "Importing…" : results.some((r) => r.state === "failed") ? "Retry the failed files" : `Import ${files.length} files`}
        </button>
      </div>
    </section>
  );
}
