import Link from "next/link";
import { EVIDENCE_KIND_LABELS, type EvidenceDto, type EvidenceKind } from "@/lib/schemas/evidence";
import { formatInterval, formatIsoDate } from "@/lib/dates/format-interval";

/**
 * The fields an evidence summary reads: a library item (`EvidenceDto`,
 * tombstoned by `deletedAt`) or a final claim's evidence (`kind` a plain
 * string, tombstoned by `deleted`).
 */
export type EvidenceSummaryItem = Pick<EvidenceDto, "id" | "title" | "publisher" | "publishedDate" | "dateStart" | "dateEnd"> & {
  kind: string;
  deletedAt?: string | null;
  deleted?: boolean;
  /** For the desk only: left out of published fact-checks. */
  internal?: boolean;
};

/** An item in one line: kind, title (to its page), publisher and date; a tombstone is marked deleted, a desk-only item internal. */
export function EvidenceSummary({ item, as = "span" }: { item: EvidenceSummaryItem; as?: "span" | "div" }) {
  const Tag = as;
  const when = item.dateStart
    ? formatInterval(item.dateStart, item.dateEnd)
    : item.publishedDate
      ? formatIsoDate(item.publishedDate)
      : null;
  const pending = item.id.startsWith("pending-");
  const deleted = !!item.deletedAt || item.deleted === true;
  return (
    <Tag className={deleted ? "evidence-summary is-deleted" : "evidence-summary"}>
      <span className="kind-tag">{EVIDENCE_KIND_LABELS[item.kind as EvidenceKind] ?? item.kind}</span>{" "}
      {pending ? (
        <span className="evidence-title">{item.title}</span>
      ) : (
        <Link className="evidence-title" href={`/evidence/${item.id}`}>
          {item.title}
        </Link>
      )}
      {item.internal && (
        <>
          {" "}
          <span className="internal-tag" data-testid="evidence-internal" title="For the desk only: left out of published fact-checks">
            Internal
          </span>
        </>
      )}
      {deleted && (
        <>
          {" "}
          <span className="deleted-tag" data-testid="evidence-deleted">
            Deleted
          </span>
        </>
      )}
      {(item.publisher || when) && <span className="muted"> · {[item.publisher, when].filter(Boolean).join(" · ")}</span>}
    </Tag>
  );
}
