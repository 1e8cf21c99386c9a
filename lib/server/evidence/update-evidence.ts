import type { Viewer } from "@/lib/server/visibility/viewer";
import { AppError } from "@/lib/errors";
import { checkEvidenceDates, type CreateEvidenceInput, type UpdateEvidenceInput } from "@/lib/schemas/evidence";
import { formatDateValue } from "@/lib/dates/iso-date";
import { canEditEvidence } from "@/lib/policies/evidence";
import { changeEvidence } from "./change-evidence";
import { checkSourceIds, evidenceColumns } from "./evidence-data";
import type { EvidenceRow } from "./evidence-dto";

/** The item as the user would now describe it: the stored fields, overlaid with the PATCH. */
function merged(row: EvidenceRow, input: UpdateEvidenceInput): CreateEvidenceInput {
  const keep = <K extends keyof UpdateEvidenceInput>(k: K, stored: UpdateEvidenceInput[K]) => (input[k] !== undefined ? input[k] : stored);
  return {
    kind: input.kind ?? (row.kind as CreateEvidenceInput["kind"]),
    title: input.title ?? row.title,
    url: keep("url", row.url),
    publisher: keep("publisher", row.publisher),
    author: keep("author", row.author),
    publishedDate: keep("publishedDate", row.publishedDate),
    accessedDate: keep("accessedDate", row.accessedDate),
    quote: keep("quote", row.quote),
    notes: input.notes ?? row.notesHtml,
    internal: input.internal ?? row.internal,
    date: keep("date", row.dateStart ? formatDateValue(row.dateStart, row.dateEnd) : null),
    // A new date brings its own precision unless the PATCH names one.
    datePrecision:
      input.datePrecision !== undefined || input.date !== undefined
        ? input.datePrecision
        : (row.datePrecision as CreateEvidenceInput["datePrecision"]),
  };
}

/** PATCH /api/evidence/{id}: changes some fields of an item, naming the version the client read. */
export async function updateEvidence(user: Viewer, evidenceId: string, input: UpdateEvidenceInput) {
  const sources = await checkSourceIds(user.visibility, input.sourceIds, evidenceId);
  return changeEvidence(user, evidenceId, input.version, {
    action: "evidence.update",
    deletedMessage: "This item was deleted from the library and can no longer be edited.",
    allowed: (row) => canEditEvidence(user, row),
    sources,
    data: (row) => {
      const next = merged(row, input);
      const problem = checkEvidenceDates(next);
      if (problem) throw new AppError("INVALID_INPUT", problem.message, { field: problem.field });
      return evidenceColumns(next);
    },
  });
}
