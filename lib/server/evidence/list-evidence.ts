import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import type { ListEvidenceQuery } from "@/lib/schemas/evidence";
import { visibleEvidenceItemWhere } from "@/lib/server/visibility/visible-where";
import { evidenceSelect, toEvidenceDto } from "./evidence-dto";
import { searchTerms } from "./search-text";

// LIKE wildcards: Prisma's `contains` passes them through on SQLite.
const WILDCARD = /[%_\\]/;

/**
 * GET /api/evidence?q=&kind=: the team's live items that the caller may see
 * (blind review hides what a co-reviewer made during the round), most
 * recently changed first. Every word of `q` must occur in the title,
 * publisher, URL or quote.
 */
export async function listEvidence(user: Viewer, query: ListEvidenceQuery) {
  const terms = searchTerms(query.q);
  // The database narrows by the wildcard-free pieces; words that hold a wildcard are then checked literally here.
  const pieces = terms.flatMap((t) => t.split(WILDCARD)).filter(Boolean);
  const literal = terms.filter((t) => WILDCARD.test(t));
  const take = query.limit ?? 50;
  const rows = await db.evidenceItem.findMany({
    where: {
      AND: [
        visibleEvidenceItemWhere(user.visibility),
        { deletedAt: null, ...(query.kind ? { kind: query.kind } : {}) },
        ...pieces.map((t) => ({ searchText: { contains: t } })),
      ],
    },
    select: { ...evidenceSelect(user.visibility), searchText: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    ...(literal.length ? {} : { take }),
  });
  return rows
    .filter((row) => literal.every((t) => row.searchText.includes(t)))
    .slice(0, take)
    .map((row) => toEvidenceDto(row, user));
}
