"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";
import { useArticlePage, useSetArticleDeleted, type ArticleListParams } from "@/lib/queries/use-articles";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { formatDate } from "@/lib/format-date";
import type { ArticleListItem } from "@/lib/schemas/article";
import type { ReviewState } from "@/lib/schemas/article";
import { FormError } from "@/components/ui/form-error";
import "./article-tools.css";

const REVIEW_LABELS: Record<ReviewState, string> = {
  none: "No review",
  open: "Round open",
  awaiting: "Awaiting adjudication",
  adjudicated: "Adjudicated",
};
const PARAMS = ["q", "outlet", "from", "to", "review", "disputed", "sort", "dir", "page", "deleted"] as const;

/** The list's parameters live in the page's URL, so a search can be shared and survives a reload. */
function useListParams(): [ArticleListParams, (next: ArticleListParams) => void] {
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const params = Object.fromEntries(PARAMS.flatMap((k) => (search.get(k) ? [[k, search.get(k)!]] : []))) as ArticleListParams;
  const set = (next: ArticleListParams) => {
    const qs = new URLSearchParams(Object.entries(next).filter((e): e is [string, string] => !!e[1]));
    router.replace(qs.size ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  return [params, set];
}

function RestoreButton({ article }: { article: ArticleListItem }) {
  const restore = useSetArticleDeleted(article.id);
  return (
    <>
      <button
        type="button"
        className="btn"
        disabled={restore.isPending}
        onClick={() => restore.mutate({ version: article.version, deleted: false })}
      >
        Restore
      </button>
      {restore.error && (
        <span role="alert" className="form-error">
          {" "}
          {restore.error.message}
        </span>
      )}
    </>
  );
}

/** The team's articles: search over title, outlet, author and text; filters; sort; pages. Admins can list the deleted ones and restore them. */
export function ArticleList({ isAdmin = false }: { isAdmin?: boolean }) {
  const [params, setParams] = useListParams();
  const [q, setQ] = useState(params.q ?? "");
  const debouncedQ = useDebouncedValue(q, 300);
  useEffect(() => {
    if ((params.q ?? "") !== debouncedQ) setParams({ ...params, q: debouncedQ, page: undefined });
    // Only the typed search drives this; the other parameters change through setParams directly.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedQ]);
  const { data, error, isPending, isFetching } = useArticlePage({ ...params, pageSize: "25" });
  const update = (patch: ArticleListParams) => setParams({ ...params, ...patch, page: patch.page ?? undefined });
  const page = Number(params.page ?? 1);
  const pages = data ? Math.max(1, Math.ceil(data.total / 25)) : 1;

  return (
    <section aria-label="Articles">
      <form className="article-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label className="field search-field">
          <span>Search</span>
          <input
            type="search"
            value={q}
            placeholder="Title, outlet, author or any word of the text"
            onChange={(e) => setQ(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Outlet</span>
          <input
            defaultValue={params.outlet ?? ""}
            onBlur={(e) => update({ outlet: e.target.value.trim() || undefined })}
            onKeyDown={(e) => e.key === "Enter" && update({ outlet: e.currentTarget.value.trim() || undefined })}
          />
        </label>
        <label className="field">
          <span>Published from</span>
          <input type="date" value={params.from ?? ""} onChange={(e) => update({ from: e.target.value || undefined })} />
        </label>
        <label className="field">
          <span>to</span>
          <input type="date" value={params.to ?? ""} onChange={(e) => update({ to: e.target.value || undefined })} />
        </label>
        <label className="field">
          <span>Review</span>
          <select value={params.review ?? ""} onChange={(e) => update({ review: e.target.value || undefined })}>
            <option value="">Any</option>
            {(Object.keys(REVIEW_LABELS) as ReviewState[]).map((s) => (
              <option key={s} value={s}>
                {REVIEW_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={params.disputed === "1"}
            onChange={(e) => update({ disputed: e.target.checked ? "1" : undefined })}
          />{" "}
          Has disputed claims
        </label>
        <label className="field">
          <span>Sort by</span>
          <select
            value={`${params.sort ?? "date"}:${params.dir ?? ""}`}
            onChange={(e) => {
              const [sort, dir] = e.target.value.split(":");
              update({ sort: sort === "date" ? undefined : sort, dir: dir || undefined });
            }}
          >
            <option value="date:">Newest first</option>
            <option value="date:asc">Oldest first</option>
            <option value="title:">Title, A–Z</option>
            <option value="claims:">Most claims</option>
          </select>
        </label>
        {isAdmin && (
          <label className="check">
            <input
              type="checkbox"
              checked={params.deleted === "1"}
              onChange={(e) => update({ deleted: e.target.checked ? "1" : undefined })}
            />{" "}
            Deleted articles
          </label>
        )}
      </form>
      {isPending && <p className="muted">Loading articles…</p>}
      <FormError error={error} />
      {data && (
        <>
          <p className="article-count muted small" aria-live="polite" data-testid="article-count">
            {data.total.toLocaleString("en")} {data.total === 1 ? "article" : "articles"}
            {isFetching ? " (updating…)" : ""}
          </p>
          {data.items.length === 0 ? (
            <p className="muted">
              {params.q || params.outlet || params.from || params.to || params.review || params.disputed
                ? "No article matches."
                : params.deleted
                  ? "No deleted articles."
                  : "No articles yet."}
            </p>
          ) : (
            <table className="data-table article-table">
              <thead>
                <tr>
                  <th scope="col">Title</th>
                  <th scope="col">Outlet</th>
                  <th scope="col">Published</th>
                  <th scope="col">Review</th>
                  <th scope="col" className="num">
                    Claims
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.items.map((a) => (
                  <tr key={a.id} data-testid="article-row">
                    <td>
                      {a.deletedAt ? (
                        <span className={a.untitled ? "untitled" : undefined}>{a.title}</span>
                      ) : (
                        <Link href={`/articles/${a.id}`} className={a.untitled ? "untitled" : undefined}>
                          {a.title}
                        </Link>
                      )}
                      {a.deletedAt && (
                        <div className="muted small">
                          Deleted {formatDate(a.deletedAt.slice(0, 10))} <RestoreButton article={a} />
                        </div>
                      )}
                    </td>
                    <td>{a.outlet ?? <span className="muted">—</span>}</td>
                    <td>
                      {a.publishedDate ? (
                        <time dateTime={a.publishedDate}>{formatDate(a.publishedDate)}</time>
                      ) : (
                        <span className="muted">—</span>
                      )}
                    </td>
                    <td className="review-state">{REVIEW_LABELS[a.reviewState]}</td>
                    <td className="num" data-testid="claim-count">
                      {a.claimCount}
                      {a.hasDisputed && (
                        <span className="disputed-mark" title="Has disputed claims" aria-label="has disputed claims">
                          ✗
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {pages > 1 && (
            <nav className="pager" aria-label="Pages">
              <button type="button" className="btn" disabled={page <= 1} onClick={() => update({ page: String(page - 1) })}>
                Previous
              </button>
              <span className="muted small">
                Page {page} of {pages.toLocaleString("en")}
              </span>
              <button type="button" className="btn" disabled={page >= pages} onClick={() => update({ page: String(page + 1) })}>
                Next
              </button>
            </nav>
          )}
        </>
      )}
    </section>
  );
}
