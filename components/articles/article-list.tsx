"use client";
import Link from "next/link";
import { useArticles } from "@/lib/queries/use-articles";
import { formatDate } from "@/lib/format-date";

/** The team's articles: title, outlet, date and number of claims. */
export function ArticleList() {
  const { data, error, isPending } = useArticles();
  if (isPending) return <p className="muted">Loading articles…</p>;
  if (error) return <p role="alert" className="form-error">{error.message}</p>;
  if (data.length === 0) return <p className="muted">No articles yet.</p>;
  return (
    <table className="data-table article-table">
      <thead>
        <tr>
          <th scope="col">Title</th>
          <th scope="col">Outlet</th>
          <th scope="col">Published</th>
          <th scope="col" className="num">Claims</th>
        </tr>
      </thead>
      <tbody>
        {data.map((a) => (
          <tr key={a.id} data-testid="article-row">
            <td>
              <Link href={`/articles/${a.id}`} className={a.untitled ? "untitled" : undefined}>{a.title}</Link>
            </td>
            <td>{a.outlet ?? <span className="muted">—</span>}</td>
            <td>{a.publishedDate ? <time dateTime={a.publishedDate}>{formatDate(a.publishedDate)}</time> : <span className="muted">—</span>}</td>
            <td className="num" data-testid="claim-count">{a.claimCount}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
