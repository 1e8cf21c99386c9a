/**
 * A form's or a view's error line: an alert that screen readers announce,
 * styled as `.form-error`, or nothing when there is no error. Takes the
 * message or the error itself (a mutation's or a query's `error`), so a
 * view writes `<FormError error={save.error} />`.
 */
export function FormError({ error, as: Tag = "p" }: { error: string | { message: string } | null | undefined | false; as?: "p" | "span" }) {
  if (!error) return null;
  return (
    <Tag role="alert" className="form-error">
      {typeof error === "string" ? error : error.message}
    </Tag>
  );
}
