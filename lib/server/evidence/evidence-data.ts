import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseDateValue, type DateValue } from "@/lib/dates/iso-date";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { describedEvidence, type CreateEvidenceInput } from "@/lib/schemas/evidence";
import type { Visibility } from "@/lib/policies/visibility";
import { visibleEvidenceItemWhere } from "@/lib/server/visibility/visible-where";
import { searchTextOf } from "./search-text";

/** The columns of an item as a user described it (already validated by the zod schema). */
export function evidenceColumns(input: CreateEvidenceInput) {
  const parsed = input.date ? (parseDateValue(input.date) as DateValue) : null;
  const columns = {
    ...describedEvidence(input),
    notesHtml: input.notes ? sanitizeRichText(input.notes) : "",
    dateStart: parsed?.start ?? null,
    dateEnd: parsed?.end ?? null,
    datePrecision: parsed?.precision ?? null,
  };
  return { ...columns, searchText: searchTextOf(columns) };
}

/**
 * The ids of a dated fact's sources, checked to be live items of the team
 * that the viewer may see (400 naming `sourceIds` otherwise: the client sent
 * ids it cannot have seen).
 */
export async function checkSourceIds(v: Visibility, ids: string[] | undefined, selfId?: string): Promise<{ id: string }[] | undefined> {
  if (ids === undefined) return undefined;
  const unique = [...new Set(ids)];
  const found = await db.evidenceItem.count({ where: { AND: [visibleEvidenceItemWhere(v), { id: { in: unique }, deletedAt: null }] } });
  if (found !== unique.length || (selfId && unique.includes(selfId))) {
    throw new AppError("INVALID_INPUT", "A source is not in your library.", { field: "sourceIds" });
  }
  return unique.map((id) => ({ id }));
}
