import type { DatePrecision } from "@/lib/dates/iso-date";
import { formatDateValue } from "@/lib/dates/iso-date";
import { evidencePermissions, type EvidenceActor } from "@/lib/policies/evidence";
import type { EvidenceCitation, EvidenceDto, EvidenceKind, EvidenceRef } from "@/lib/schemas/evidence";
import { canSeeEvidenceItem, type Visibility } from "@/lib/policies/visibility";
import { liveVisibleLinkWhere } from "@/lib/server/visibility/visible-where";

const refSelect = { id: true, title: true, url: true, deletedAt: true, createdById: true, createdAt: true } as const;

/** An item's own description: what a claim citing it shows (final claims, reports) and every read of it starts from. */
export const evidenceCitationSelect = {
  id: true,
  kind: true,
  title: true,
  url: true,
  publisher: true,
  author: true,
  publishedDate: true,
  accessedDate: true,
  quote: true,
  dateStart: true,
  dateEnd: true,
  datePrecision: true,
} as const;

/**
 * The columns every read of an item selects. `useCount` counts the live
 * links the viewer may see (liveVisibleLinkWhere: blind review leaves
 * hidden drafts out, so the count betrays none). Naming the team in the
 * count's `where` also keeps it cheap: without it the database groups every
 * team's links (about three times slower with twenty teams on SQLite).
 */
export function evidenceSelect(v: Visibility) {
  return {
    ...evidenceCitationSelect,
    notesHtml: true,
    internal: true,
    version: true,
    createdById: true,
    createdAt: true,
    updatedAt: true,
    deletedAt: true,
    sources: { select: refSelect, orderBy: { title: "asc" } },
    facts: { select: refSelect, orderBy: { title: "asc" } },
    _count: { select: { links: { where: liveVisibleLinkWhere(v) } } },
  } as const;
}

type Ref = { id: string; title: string; url: string | null; deletedAt: Date | null; createdById: string | null; createdAt: Date };
/** A row read with {@link evidenceSelect}. */
export type EvidenceRow = EvidenceCitation & {
  notesHtml: string;
  internal: boolean;
  version: number;
  createdById: string | null;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  sources: Ref[];
  facts: Ref[];
  _count: { links: number };
};

const toRef = (r: Ref): EvidenceRef => ({ id: r.id, title: r.title, url: r.url, deletedAt: r.deletedAt?.toISOString() ?? null });

/** Who reads an item: what they may do to it, and what blind review lets them see of its sources and facts. */
export type EvidenceViewer = EvidenceActor & { visibility: Visibility };

/** The API shape of an item, with what the caller may do to it. */
export function toEvidenceDto(row: EvidenceRow, actor: EvidenceViewer): EvidenceDto {
  const visible = (r: Ref) => canSeeEvidenceItem(actor.visibility, r);
  return {
    id: row.id,
    kind: row.kind as EvidenceKind,
    title: row.title,
    url: row.url,
    publisher: row.publisher,
    author: row.author,
    publishedDate: row.publishedDate,
    accessedDate: row.accessedDate,
    quote: row.quote,
    notesHtml: row.notesHtml,
    date: row.dateStart ? formatDateValue(row.dateStart, row.dateEnd) : null,
    dateStart: row.dateStart,
    dateEnd: row.dateEnd,
    datePrecision: row.datePrecision as DatePrecision | null,
    internal: row.internal,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    deletedAt: row.deletedAt?.toISOString() ?? null,
    sources: row.sources.filter(visible).map(toRef),
    facts: row.facts.filter(visible).map(toRef),
    useCount: row._count.links,
    can: evidencePermissions(actor, row),
  };
}
