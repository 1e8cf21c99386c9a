"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ImportPreviewDto, ImportSource } from "@/lib/schemas/article";
import { useCreateArticle, usePreviewArticle } from "@/lib/queries/use-article-import";
import { ApiError } from "@/lib/queries/api-client";
import { ImportSourceField } from "./import-source-field";
import { FurnitureReview } from "./furniture-review";
import { ArticleMetaFields, EMPTY_META, type MetaValues } from "./article-meta-fields";
import "./article-tools.css";

const SOURCE_FIELDS = ["text", "file", "file.name", "file.base64", undefined];

/** The server's error, split into the part of the form it belongs to. */
function describe(error: unknown) {
  if (!error) return null;
  const field = error instanceof ApiError ? error.field : undefined;
  const message = error instanceof Error ? error.message : "Something went wrong.";
  return { field, message, source: SOURCE_FIELDS.includes(field) };
}

/**
 * Add an article: paste or upload, preview what the cleanup makes of it (and
 * put back any block it removed), fill in the metadata, save. Nothing typed
 * is lost when the server refuses: the form keeps its state and shows why.
 */
export function NewArticleForm() {
  const router = useRouter();
  const previewing = usePreviewArticle();
  const creating = useCreateArticle();
  const [source, setSource] = useState<ImportSource | null>(null);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [restore, setRestore] = useState<number[]>([]);
  const [meta, setMeta] = useState<MetaValues>(EMPTY_META);

  const runPreview = (src: ImportSource, keep: number[]) =>
    previewing.mutate({ ...src, restore: keep }, { onSuccess: setPreview, onError: () => setPreview(null) });

  function handleSource(next: ImportSource | null) {
    setSource(next);
    setPreview(null);
    setRestore([]);
    previewing.reset();
  }

  function handleToggle(i: number) {
    const next = restore.includes(i) ? restore.filter((x) => x !== i) : [...restore, i];
    setRestore(next);
    if (source) runPreview(source, next);
  }

  function handleSave() {
    if (!source) return;
    creating.mutate({ ...source, ...meta, restore }, { onSuccess: (article) => router.push(`/articles/${article.id}`) });
  }

  const previewError = describe(previewing.error);
  const saveError = describe(creating.error);
  const sourceError = (previewError?.source ? previewError.message : null) ?? (saveError?.source ? saveError.message : null);
  return (
    <div className="new-article">
      <ImportSourceField onChange={handleSource} error={sourceError} />
      <div className="row-actions">
        <button type="button" className="btn" disabled={!source || previewing.isPending} onClick={() => source && runPreview(source, restore)}>
          {previewing.isPending ? "Cleaning up…" : "Preview"}
        </button>
      </div>
      {previewError && !previewError.source && <p role="alert" className="form-error">{previewError.message}</p>}
      {preview && (
        <div className="import-preview">
          <section aria-label="Cleaned text">
            <h2>Text to be saved <span className="muted small">({preview.length.toLocaleString("en")} characters, from {preview.format})</span></h2>
            <div className="preview-text" data-testid="preview-text">{preview.text || <em className="muted">Nothing left: restore a block below.</em>}</div>
          </section>
          <FurnitureReview removed={preview.removed} restore={restore} onToggle={handleToggle} />
        </div>
      )}
      <ArticleMetaFields values={meta} onChange={setMeta} error={saveError && !saveError.source ? saveError : null} />
      {saveError && !saveError.source && !["title", "outlet", "author", "publishedDate", "url"].includes(saveError.field ?? "") && (
        <p role="alert" className="form-error">{saveError.message}</p>
      )}
      <div className="row-actions">
        <button type="button" className="btn btn-primary" disabled={!source || !preview || creating.isPending} onClick={handleSave}>
          {creating.isPending ? "Saving…" : "Save article"}
        </button>
      </div>
    </div>
  );
}
