"use client";

/** The metadata as the form holds it (strings; blank means "not stated"). */
export type MetaValues = { title: string; outlet: string; author: string; publishedDate: string; url: string };

export const EMPTY_META: MetaValues = { title: "", outlet: "", author: "", publishedDate: "", url: "" };

const FIELDS: { name: keyof MetaValues; label: string; type: string; hint?: string }[] = [
  { name: "title", label: "Title", type: "text" },
  { name: "outlet", label: "Outlet", type: "text" },
  { name: "author", label: "Author", type: "text" },
  { name: "publishedDate", label: "Published date", type: "date" },
  { name: "url", label: "URL", type: "url", hint: "http:// or https://" },
];

/** Title, outlet, author, published date and URL. Fill in only what the article states. */
export function ArticleMetaFields({ values, onChange, error }: { values: MetaValues; onChange: (v: MetaValues) => void; error: { field?: string; message: string } | null }) {
  return (
    <fieldset className="meta-fields">
      <legend>About the article</legend>
      {FIELDS.map((f) => {
        const own = error?.field === f.name ? error.message : null;
        return (
          <label key={f.name} className="field">
            <span>{f.label}{f.hint && <span className="muted small"> ({f.hint})</span>}</span>
            <input
              name={f.name}
              type={f.type}
              value={values[f.name]}
              aria-invalid={!!own}
              onChange={(e) => onChange({ ...values, [f.name]: e.target.value })}
            />
            {own && <span role="alert" className="form-error">{own}</span>}
          </label>
        );
      })}
    </fieldset>
  );
}
