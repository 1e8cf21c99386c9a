"use client";
import Link from "next/link";
import { useState } from "react";
import { VERDICTS, VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import type { ClaimSearchRow } from "@/lib/schemas/assist";
import { useClaimSearch } from "@/lib/queries/use-assist";
import { useDebouncedValue } from "@/components/ui/use-debounced-value";
import { formatDate } from "@/lib/format-date";
import { VerdictBadge } from "@/components/claims/verdict-badge";
import { QueryFallback } from "@/components/ui/query-fallback";
import "./assist.css";

/** The desk-wide claim search (/claims): every claim of the team the viewer may see, with filters. */
export function ClaimSearch() {
  const [q, setQ] = useState("");
  const [speaker, setSpeaker] = useState("");
  const [verdict, setVerdict] = useState<Verdict | "">("");
  const [pages, setPages] = useState(1);
  const input = {
    q: useDebouncedValue(q.trim(), 250) || undefined,
    speaker: useDebouncedValue(speaker.trim(), 250) || undefined,
    verdict: verdict || undefined,
  };
  return (
    <>
      <form className="claim-search-form" role="search" onSubmit={(e) => e.preventDefault()}>
        <label>
          Search claims
          <input
            type="search"
            value={q}
            onChange={(e) => {
              setQ(e.target.value);
              setPages(1);
            }}
            placeholder="Words of the claim, article or outlet"
            maxLength={200}
          />
        </label>
        <label>
          Speaker
          <input
            value={speaker}
            onChange={(e) => {
              setSpeaker(e.target.value);
              setPages(1);
            }}
            placeholder="Any"
            maxLength={200}
          />
        </label>
        <label>
          Verdict
          <select
            value={verdict}
            onChange={(e) => {
              setVerdict(e.target.value as Verdict | "");
              setPages(1);
            }}
          >
            <option value="">Any</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {VERDICT_LABELS[v]}
              </option>
            ))}
          </select>
        </label>
      </form>
      {Array.from({ length: pages }, (_, i) => (
        <ResultPage key={i} input={{ ...input, cursor: i * 50 || undefined }} last={i === pages - 1} onMore={() => setPages(pages + 1)} />
      ))}
    </>
  );
}

function ResultPage({ input, last, onMore }: { input: Parameters<typeof useClaimSearch>[0]; last: boolean; onMore: () => void }) {
  const search = useClaimSearch(input);
  if (search.isPending || search.error) return <QueryFallback error={search.error} loading="Searching…" />;
  const { rows, next } = search.data;
  if (!rows.length && !input.cursor)
    return (
      <p className="muted" data-testid="claims-empty">
        No claims match.
      </p>
    );
  return (
    <>
      <ul className="claim-rows" data-testid="claim-rows">
        {rows.map((r) => (
          <ClaimRow key={r.id} row={r} />
        ))}
      </ul>
      {last && next !== null && (
        <button type="button" className="btn" onClick={onMore} style={{ marginTop: ".8rem" }}>
          Show more
        </button>
      )}
    </>
  );
}

function ClaimRow({ row }: { row: ClaimSearchRow }) {
  return (
    <li className="claim-row" data-testid="claim-row">
      <div className="claim-row-meta">
        <VerdictBadge verdict={row.verdict} />
        {row.final && <span className="muted">desk</span>}
        <span>
          {row.speaker ? (
            <>
              Speaker: <strong>{row.speaker}</strong>
            </>
          ) : (
            <span className="muted">No speaker</span>
          )}
        </span>
        <Link href={`/articles/${row.articleId}?at=${row.start}-${row.end}`}>{row.outlet ?? row.articleTitle ?? "Untitled article"}</Link>
        <span className="muted">
          {formatDate(row.createdAt.slice(0, 10))}
          {row.author ? ` · ${row.author}` : ""}
        </span>
      </div>
      <q>{row.exact}</q>
    </li>
  );
}
