import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ListEvidenceQuery } from "@/lib/schemas/evidence";
import { evidenceSelect, toEvidenceDto } from "./evidence-dto";
import { searchTerms } from "./search-text";

// LIKE wildcards: Prisma's `contains` passes them through on SQLite.
const WILDCARD = /[%_\\]/;

/**
 * GET /api/evidence?q=&kind=: the team's live items, most recently changed
 * first. Every word of `q` must occur in the title, publisher, URL or quote.
 */
export async function listEvidence(user: CurrentUser, query: ListEvidenceQuery) {
  const terms = searchTerms(query.q);
  // The database narrows by the wildcard-free pieces; words that hold a wildcard are then checked literally here.
  const pieces = terms.flatMap((t) => t.split(WILDCARD)).filter(Boolean);
  const literal = terms.filter((t) => WILDCARD.test(t));
  const take = query.limit ?? 50;
  const rows = await db.evidenceItem.findMany({
    where: {
      teamId: user.teamId,
      deletedAt: null,
      ...(query.kind ? { kind: query.kind } : {}),
      ...(pieces.length ? { AND: pieces.map((t) => ({ searchText: { contains: t } })) } : {}),
    },
    select: { ...evidenceSelect(user.teamId), searchText: true },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    ...(literal.length ? {} : { take }),
  });
  return rows
    .filter((row) => literal.every((t) => row.searchText.includes(t)))
    .slice(0, take)
    .map((row) => toEvidenceDto(row, user));
}
