/**
 * What a view shows instead of its data: a muted line while the first fetch
 * runs, or the error as an alert when it failed. Use it as
 * `if (q.isPending || q.error) return <QueryFallback error={q.error} loading="Loading…" />;`
 * so that after that line the query has its data.
 */
export function QueryFallback({ error, loading }: { error: Error | null; loading: string }) {
  return error ? (
    <p role="alert" className="form-error">
      {error.message}
    </p>
  ) : (
    <p className="muted">{loading}</p>
  );
}
