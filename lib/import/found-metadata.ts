/**
 * The metadata a page states, as the import form's fields (title, outlet,
 * author, published and modified dates, URL), each with where it was found,
 * and the provenance a save records for each field.
 */
import type { ArticleMetaField, FoundMetaDto, FoundMetadataDto } from "@/lib/schemas/article";
import type { PageMetadata } from "./page-metadata";

/** The form's length limits (lib/schemas/article.ts): longer values are cut at a word, not refused. */
const LIMITS: Record<ArticleMetaField, number> = { title: 300, outlet: 200, author: 200, publishedDate: 10, modifiedDate: 10, url: 2000 };

function fit(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), max / 2)).trimEnd()}…`;
}

/**
 * The form fields the page's metadata fills in. `fetchedUrl` is the address
 * a page was fetched from (after redirects): the URL field when the page
 * names no canonical address.
 */
export function foundMetadata(meta: PageMetadata | null, fetchedUrl?: string): FoundMetadataDto {
  const out: FoundMetadataDto = {};
  const put = (field: ArticleMetaField, found: { value: string; source: string; detail: string } | null | undefined) => {
    if (found && found.value.trim())
      out[field] = { value: fit(found.value.trim(), LIMITS[field]), source: found.source, detail: found.detail };
  };
  if (meta) {
    put("title", meta.title);
    put("outlet", meta.outlet);
    put("author", meta.authors ? { ...meta.authors, value: meta.authors.value.join(", ") } : null);
    put("publishedDate", meta.published);
    put("modifiedDate", meta.modified);
    put("url", meta.canonical);
  }
  if (!out.url && fetchedUrl && fetchedUrl.length <= LIMITS.url)
    out.url = { value: fetchedUrl, source: "fetch", detail: "the address the page was served from" };
  return out;
}

/** Where a saved field came from: the page's own statement when the editor kept it, else "editor". */
export function metaProvenance(
  saved: Partial<Record<ArticleMetaField, string | null>>,
  found: FoundMetadataDto,
): Partial<Record<ArticleMetaField, string>> {
  const out: Partial<Record<ArticleMetaField, string>> = {};
  for (const [field, value] of Object.entries(saved) as [ArticleMetaField, string | null | undefined][]) {
    if (!value) continue;
    const page: FoundMetaDto | undefined = found[field];
    out[field] = page && page.value === value ? page.detail : "editor";
  }
  return out;
}
