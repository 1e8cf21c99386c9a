"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { useEvidenceItem } from "@/lib/queries/use-evidence";
import { EVIDENCE_KIND_LABELS, type EvidenceRef } from "@/lib/schemas/evidence";
import { formatInterval, formatIsoDate } from "@/lib/dates/format-interval";
import { UsedInList } from "./used-in-list";
import { QueryFallback } from "@/components/ui/query-fallback";
import { ExternalLink } from "@/components/ui/external-link";
import "./evidence.css";

function RefList({ refs }: { refs: EvidenceRef[] }) {
  return (
    <ul>
      {refs.map((r) => (
        <li key={r.id} className={r.deletedAt ? "is-deleted" : undefined}>
          <Link className="evidence-title" href={`/evidence/${r.id}`}>
            {r.title}
          </Link>
          {r.deletedAt && (
            <>
              {" "}
              <span className="deleted-tag">Deleted</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

/** An item's page: what it is, its sources or facts, and every claim that cites it. */
export function EvidenceDetail({ evidenceId }: { evidenceId: string }) {
  const { data: item, error, isPending } = useEvidenceItem(evidenceId);
  if (isPending || error) return <QueryFallback error={error} loading="Loading…" />;
  const rows: [string, ReactNode][] = [
    ["Kind", EVIDENCE_KIND_LABELS[item.kind]],
    ["Date", item.dateStart ? `${formatInterval(item.dateStart, item.dateEnd)} (to the ${item.datePrecision})` : null],
    ["URL", item.url ? <ExternalLink href={item.url}>{item.url}</ExternalLink> : null],
    ["Publisher", item.publisher],
    ["Author", item.author],
    ["Published", item.publishedDate ? formatIsoDate(item.publishedDate) : null],
    ["Accessed", item.accessedDate ? formatIsoDate(item.accessedDate) : null],
  ];
  return (
    <article className={`evidence-detail${item.deletedAt ? " is-deleted" : ""}`}>
      <p>
        <Link href="/evidence">← Evidence library</Link>
      </p>
      <h1 className="evidence-title">{item.title}</h1>
      {item.deletedAt && (
        <p role="status" className="date-hint">
          <span className="deleted-tag">Deleted</span> This item was deleted from the library; the claims below still cite it.
        </p>
      )}
      {item.internal && (
        <p className="muted" data-testid="evidence-internal">
          <span className="internal-tag">Internal</span> For the desk only: left out of published fact-checks.
        </p>
      )}
      <dl>
        {rows
          .filter(([, v]) => v)
          .map(([k, v]) => (
            <div key={k} style={{ display: "contents" }}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
      </dl>
      {item.quote && <blockquote className="evidence-quote">{item.quote}</blockquote>}
      {/* Stored notes are sanitized when saved (lib/rich-text/sanitize.ts). */}
      {item.notesHtml && <div className="rich-text" dangerouslySetInnerHTML={{ __html: item.notesHtml }} />}
      {item.sources.length > 0 && (
        <>
          <h2>Sources</h2>
          <RefList refs={item.sources} />
        </>
      )}
      {item.facts.length > 0 && (
        <>
          <h2>Dated facts it supports</h2>
          <RefList refs={item.facts} />
        </>
      )}
      <h2>Used in</h2>
      <UsedInList uses={item.usedIn} />
    </article>
  );
}
