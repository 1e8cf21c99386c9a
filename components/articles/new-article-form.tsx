"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ARTICLE_META_FIELDS, type FoundMetadataDto, type ImportPreviewDto } from "@/lib/schemas/article";
import { useCreateArticle, usePreviewArticle, type ClientImportSource } from "@/lib/queries/use-article-import";
import { ApiError } from "@/lib/queries/api-client";
import { ImportSourceField } from "./import-source-field";
import { ImportPreview } from "./import-preview";
import { BulkImport } from "./bulk-import";
import { ArticleMetaFields, EMPTY_META, type MetaValues } from "./article-meta-fields";
import { FormError } from "@/components/ui/form-error";
import "./article-tools.css";

const SOURCE_FIELDS = ["text", "file", "file.name", "file.base64", "snapshotId", "url-fetch", undefined];
const META_FIELDS: readonly string[] = ARTICLE_META_FIELDS;

/** The server's error, split into the part of the form it belongs to. */
function describe(error: unknown) {
  if (!error) return null;
  const field = error instanceof ApiError ? error.field : undefined;
  const message = error instanceof Error ? error.message : "Something went wrong.";
  return { field, message, source: SOURCE_FIELDS.includes(field) };
}

/**
 * The form's metadata after a preview: fields the editor has not typed in
 * take what the page states (or go blank when the page no longer states it);
 * what the editor typed stays.
 */
function prefill(meta: MetaValues, typed: ReadonlySet<string>, found: FoundMetadataDto): MetaValues {
  const next = { ...meta };
  for (const f of ARTICLE_META_FIELDS) if (!typed.has(f)) next[f] = found[f]?.value ?? "";
  return next;
}

/**
 * Add an article: paste, upload or fetch by URL; preview what the cleanup
 * makes of it (put back any block it removed, leave out any line it kept);
 * check the metadata the page states, which fills the fields; save. Nothing
 * typed is lost when the server refuses: the form keeps its state and shows why.
 */
export function NewArticleForm() {
  const router = useRouter();
  const previewing = usePreviewArticle();
  const creating = useCreateArticle();
  const [source, setSource] = useState<ClientImportSource | null>(null);
  const [bulk, setBulk] = useState<File[] | null>(null);
  const [preview, setPreview] = useState<ImportPreviewDto | null>(null);
  const [restore, setRestore] = useState<number[]>([]);
  const [drop, setDrop] = useState<number[]>([]);
  const [meta, setMeta] = useState<MetaValues>(EMPTY_META);
  const [typed, setTyped] = useState<ReadonlySet<string>>(new Set());

  const runPreview = (src: ClientImportSource, keep: number[], leave: number[]) =>
    previewing.mutate(
      { ...src, restore: keep, drop: leave },
      {
        onSuccess: (p) => {
          setPreview(p);
          setMeta((m) => prefill(m, typed, p.found));
        },
        onError: () => setPreview(null),
      },
    );

  function handleSource(next: ClientImportSource | null) {
    setSource(next);
    setBulk(null);
    setPreview(null);
    setRestore([]);
    setDrop([]);
    previewing.reset();
    // A fetched page is previewed at once: the editor came for its metadata.
    if (next && "snapshotId" in next) runPreview(next, [], []);
  }

  function handleToggleRestore(i: number) {
    const next = restore.includes(i) ? restore.filter((x) => x !== i) : [...restore, i];
    setRestore(next);
    if (source) runPreview(source, next, drop);
  }

  function handleToggleDrop(line: number) {
    const next = drop.includes(line) ? drop.filter((x) => x !== line) : [...drop, line];
    setDrop(next);
    if (source) runPreview(source, restore, next);
  }

  function handleMeta(next: MetaValues) {
    const changed = ARTICLE_META_FIELDS.filter((f) => next[f] !== meta[f]);
    setTyped(new Set([...typed, ...changed]));
    setMeta(next);
  }

  function handleSave() {
    if (!source) return;
    creating.mutate({ ...source, ...meta, restore, drop }, { onSuccess: (article) => router.push(`/articles/${article.id}`) });
  }

  const previewError = describe(previewing.error);
  const saveError = describe(creating.error);
  const sourceError = (previewError?.source ? previewError.message : null) ?? (saveError?.source ? saveError.message : null);
  return (
    <div className="new-article">
      <ImportSourceField
        onChange={handleSource}
        onBulk={(files) => {
          setSource(null);
          setPreview(null);
          setBulk(files);
        }}
        error={sourceError}
      />
      {bulk ? (
        <BulkImport files={bulk} />
      ) : (
        <>
          <div className="row-actions">
            <button
              type="button"
              className="btn"
              disabled={!source || previewing.isPending}
              onClick={() => source && runPreview(source, restore, drop)}
            >
              {previewing.isPending ? "Cleaning up…" : "Preview"}
            </button>
          </div>
          <FormError error={previewError && !previewError.source && previewError.message} />
          {preview && (
            <ImportPreview preview={preview} restore={restore} onToggleRestore={handleToggleRestore} onToggleDrop={handleToggleDrop} />
          )}
          <ArticleMetaFields
            values={meta}
            onChange={handleMeta}
            found={preview?.found}
            error={saveError && !saveError.source ? saveError : null}
          />
          <FormError error={saveError && !saveError.source && !META_FIELDS.includes(saveError.field ?? "") && saveError.message} />
          <div className="row-actions">
            <button type="button" className="btn btn-primary" disabled={!source || !preview || creating.isPending} onClick={handleSave}>
              {creating.isPending ? "Saving…" : "Save article"}
            </button>
          </div>
        </>
      )}
    </div>
  );
}
