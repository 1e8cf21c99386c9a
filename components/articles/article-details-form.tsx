"use client";
import { useState } from "react";
import type { ArticleDto } from "@/lib/schemas/article";
import { ARTICLE_META_FIELDS, type FoundMetadataDto } from "@/lib/schemas/article";
import { useUpdateArticleMeta } from "@/lib/queries/use-articles";
import { ApiError } from "@/lib/queries/api-client";
import { ArticleMetaFields, type MetaValues } from "./article-meta-fields";
import { FormError } from "@/components/ui/form-error";

const valuesOf = (a: ArticleDto): MetaValues => Object.fromEntries(ARTICLE_META_FIELDS.map((f) => [f, a[f] ?? ""])) as MetaValues;

/** Where each saved field came from, as the fields' hints show it ("From the page: og:title"). */
function sourcesOf(a: ArticleDto): FoundMetadataDto {
  const out: FoundMetadataDto = {};
  for (const f of ARTICLE_META_FIELDS) {
    const detail = a.metaSources[f];
    const value = a[f];
    if (detail && detail !== "editor" && value) out[f] = { value, source: "page", detail };
  }
  return out;
}

/**
 * Change an article's details after it was saved. Only the fields changed
 * are sent, with the version read: if someone else saved in between, the
 * server's article replaces the form's starting point and the typed values stay.
 */
export function ArticleDetailsForm({ article, onDone }: { article: ArticleDto; onDone: () => void }) {
  const [values, setValues] = useState<MetaValues>(() => valuesOf(article));
  const update = useUpdateArticleMeta(article.id);
  const error =
    update.error instanceof ApiError
      ? { field: update.error.field, message: update.error.message }
      : update.error
        ? { message: update.error.message }
        : null;

  function handleSave() {
    const changed = Object.fromEntries(
      ARTICLE_META_FIELDS.filter((f) => values[f] !== (article[f] ?? "")).map((f) => [f, values[f] || null]),
    );
    if (Object.keys(changed).length === 0) return onDone();
    update.mutate({ ...changed, version: article.version }, { onSuccess: onDone });
  }

  return (
    <div className="article-details-form">
      <ArticleMetaFields values={values} onChange={setValues} error={error} found={sourcesOf(article)} legend="Article details" />
      <FormError error={error && !ARTICLE_META_FIELDS.includes(error.field as never) && error.message} />
      <div className="row-actions">
        <button type="button" className="btn btn-primary" disabled={update.isPending} onClick={handleSave}>
          {update.isPending ? "Saving…" : "Save details"}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          Cancel
        </button>
      </div>
    </div>
  );
}
