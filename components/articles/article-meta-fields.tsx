"use client";
import type { ArticleMetaField, FoundMetadataDto } from "@/lib/schemas/article";
import { FormError } from "@/components/ui/form-error";

/** The metadata as the form holds it (strings; blank means "not stated"). */
export type MetaValues = Record<ArticleMetaField, string>;

export const EMPTY_META: MetaValues = { title: "", outlet: "", author: "", publishedDate: "", modifiedDate: "", url: "" };

const FIELDS: { name: ArticleMetaField; label: string; type: string; hint?: string }[] = [
  { name: "title", label: "Title", type: "text" },
  { name: "outlet", label: "Outlet", type: "text" },
  { name: "author", label: "Author", type: "text", hint: "several: separate with commas" },
  { name: "publishedDate", label: "Published date", type: "date" },
  { name: "modifiedDate", label: "Updated date", type: "date" },
  { name: "url", label: "URL", type: "url", hint: "http:// or https://" },
];

type Props = {
  values: MetaValues;
  onChange: (v: MetaValues) => void;
  error: { field?: string; message: string } | null;
  /** What the page states, and where: shown under each field. */
  found?: FoundMetadataDto;
  legend?: string;
};

/** Title, outlet, author, published and updated dates, URL. Fill in only what the article states; each field says where a found value came from. */
export function ArticleMetaFields({ values, onChange, error, found, legend = "About the article" }: Props) {
  return (
    <fieldset className="meta-fields">
      <legend>{legend}</legend>
      {FIELDS.map((f) => {
        const own = error?.field === f.name ? error.message : null;
        const page = found?.[f.name];
        const id = `meta-${f.name}`;
        return (
          <div key={f.name} className="field">
            <label htmlFor={id}>
              {f.label}
              {f.hint && <span className="muted small"> ({f.hint})</span>}
            </label>
            <input
              id={id}
              name={f.name}
              type={f.type}
              value={values[f.name]}
              aria-invalid={!!own}
              aria-describedby={page ? `${id}-source` : undefined}
              onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}
            />
            {page && (
              <span id={`${id}-source`} className="field-source muted small" data-testid={`source-${f.name}`}>
                {values[f.name] === page.value
                  ? `From the page: ${page.detail}`
                  : `Changed; the page says “${page.value}” (${page.detail})`}
              </span>
            )}
            <FormError error={own} as="span" />
          </div>
        );
      })}
    </fieldset>
  );
}
