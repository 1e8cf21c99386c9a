import Link from "next/link";
import { EVIDENCE_KIND_LABELS, type EvidenceDto } from "@/lib/schemas/evidence";
import { formatInterval, formatIsoDate } from "@/lib/dates/format-interval";

/** An item in one line: kind, title (to its page), publisher and date; a tombstone is marked deleted. */
export function EvidenceSummary({ item, as = "span" }: { item: EvidenceDto; as?: "span" | "div" }) {
  const Tag = as;
  const when = item.dateStart ? formatInterval(item.dateStart, item.dateEnd) : item.publishedDate ? formatIsoDate(item.publishedDate) : null;
  const pending = item.id.startsWith("pending-");
  return (
    <Tag className={item.deletedAt ? "evidence-summary is-deleted" : "evidence-summary"}>
      <span className="kind-tag">{EVIDENCE_KIND_LABELS[item.kind]}</span>{" "}
      {pending ? (
        <span className="evidence-title">{item.title}</span>
      ) : (
        <Link className="evidence-title" href={`/evidence/${item.id}`}>{item.title}</Link>
      )}
      {item.deletedAt && <> <span className="deleted-tag" data-testid="evidence-deleted">Deleted</span></>}
      {(item.publisher || when) && <span className="muted"> · {[item.publisher, when].filter(Boolean).join(" · ")}</span>}
    </Tag>
  );
}
