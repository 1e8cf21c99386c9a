"use client";
import Link from "next/link";
import { useState } from "react";
import { useArticleVersions, useVersionCompare } from "@/lib/queries/use-article-versions";
import { formatDate } from "@/lib/format-date";
import type { ArticleVersionDto } from "@/lib/schemas/article";
import { VersionDiff } from "./version-diff";
import { QueryFallback } from "@/components/ui/query-fallback";
import { FormError } from "@/components/ui/form-error";
import "./article-tools.css";

const label = (v: ArticleVersionDto) =>
  `Version ${v.number}${v.current ? " (current)" : ""} · ${formatDate(v.createdAt.slice(0, 10))}${v.createdBy?.name ? ` · ${v.createdBy.name}` : ""}`;

/** Every version of an article, and two of them side by side with the changed words marked. */
export function VersionCompare({ articleId }: { articleId: string }) {
  const versions = useArticleVersions(articleId);
  const [picked, setPicked] = useState<{ from: number; to: number } | null>(null);
  const list = versions.data ?? [];
  // Default: the previous version against the current one.
  const from = picked?.from ?? list[1]?.number ?? list[0]?.number ?? null;
  const to = picked?.to ?? list[0]?.number ?? null;
  const compare = useVersionCompare(articleId, from, to);

  if (versions.isPending || versions.error) return <QueryFallback error={versions.error} loading="Loading versions…" />;
  const select = (which: "from" | "to", value: number | null) => (
    <label>
      {which === "from" ? "Older" : "Newer"}
      <select value={value ?? ""} onChange={(e) => setPicked({ from: from ?? 1, to: to ?? 1, [which]: Number(e.target.value) })}>
        {list.map((v) => (
          <option key={v.id} value={v.number}>
            {label(v)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="version-compare">
      <p>
        <Link href={`/articles/${articleId}`}>← Back to the article</Link>
      </p>
      <ol className="version-list" data-testid="version-list">
        {list.map((v) => (
          <li key={v.id} data-testid="version-row" data-number={v.number}>
            {label(v)} · {v.length.toLocaleString("en")} characters
            {v.number > 1 && (
              <div className={v.reason ? "version-reason" : "version-reason muted"} data-testid="version-reason">
                {v.reason ? <>Why: {v.reason}</> : "No reason was given for this correction."}
              </div>
            )}
          </li>
        ))}
      </ol>
      {list.length < 2 ? (
        <p className="muted">This article has not been corrected: there is only one version.</p>
      ) : (
        <>
          <div className="version-pickers">
            {select("from", from)}
            {select("to", to)}
          </div>
          <FormError error={compare.error} />
          {from === to ? (
            <p className="muted small">No differences: both sides are version {from}.</p>
          ) : (
            compare.data && <VersionDiff compare={compare.data} />
          )}
        </>
      )}
    </div>
  );
}
