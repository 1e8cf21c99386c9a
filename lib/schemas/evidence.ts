import { z } from "zod";
import { RICH_TEXT_MAX } from "@/lib/rich-text/allowed";
import { isIsoDate, parseDateValue, type DatePrecision } from "@/lib/dates/iso-date";
import type { DateHint } from "@/lib/dates/date-hint";
import type { Verdict } from "./claim";

export const EVIDENCE_KINDS = ["web_source", "document", "dataset", "interview", "dated_fact"] as const;
export const evidenceKindSchema = z.enum(EVIDENCE_KINDS);
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;
export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  web_source: "Web source",
  document: "Document",
  dataset: "Dataset",
  interview: "Interview",
  dated_fact: "Dated fact",
};

export const STANCES = ["supports", "contradicts", "context"] as const;
export const stanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof stanceSchema>;
export const STANCE_LABELS: Record<Stance, string> = { supports: "Supports", contradicts: "Contradicts", context: "Context" };

export const DATE_PRECISIONS = ["day", "month", "year"] as const satisfies readonly DatePrecision[];

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);
/** An optional field: "", blank and null all mean "none" (null); absent means "unchanged" on PATCH. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), schema.nullish());

const httpUrl = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters.")
  .refine((v) => {
    try {
      const u = new URL(v);
      return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
    } catch {
      return false;
    }
  }, "Use a web address that starts with http:// or https://.");

const isoDate = z.string().trim().refine(isIsoDate, "Use a real date: YYYY, YYYY-MM or YYYY-MM-DD.");

/**
 * A day, month or year that has begun somewhere (the latest calendar day
 * anywhere is UTC+14's): a source cannot have been read after today.
 */
const notFuture = (v: string) => v <= new Date(Date.now() + 14 * 3600_000).toISOString().slice(0, v.length);
const accessed = isoDate.refine(notFuture, "The access date is in the future: when was the source read?");

/** Every field of an item a user sets. `date` is an ISO date or interval ("2022-06-28/2022-06-30"). */
const evidenceFields = z.object({
  kind: evidenceKindSchema,
  title: text(300).min(1, "Give the item a title."),
  url: optional(httpUrl),
  publisher: optional(text(200)),
  author: optional(text(200)),
  publishedDate: optional(isoDate),
  accessedDate: optional(accessed),
  quote: optional(text(5000)),
  notes: z.string().max(RICH_TEXT_MAX, `The notes are longer than ${RICH_TEXT_MAX} characters.`).optional(),
  date: optional(text(50)),
  datePrecision: optional(z.enum(DATE_PRECISIONS)),
  /**
   * Internal: for the desk only (call notes, a private document, a source's e-mail). Left out of
   * published fact-check pages and their ClaimReview; still in the desk's own reports.
   */
  internal: z.boolean().optional(),
  /** For a dated fact: ids of the team's sources it was checked against. */
  sourceIds: z.array(z.string().min(1).max(64)).max(50).optional(),
});

/** The date fields the cross-field check reads. */
type DateFields = { kind: EvidenceKind; date?: string | null; datePrecision?: DatePrecision | null };

/**
 * The checks that span fields: a dated fact needs a real date or interval
 * whose end is not before its start, and a precision that matches it. Also
 * run by the update use case on the merged row.
 */
export function checkEvidenceDates(v: DateFields): { field: string; message: string } | null {
  if (!v.date)
    return v.kind === "dated_fact" ? { field: "date", message: "A dated fact needs a date or an interval (2022-06-28/2022-06-30)." } : null;
  const parsed = parseDateValue(v.date);
  if ("message" in parsed) return { field: "date", message: parsed.message };
  if (v.datePrecision && v.datePrecision !== parsed.precision) {
    return { field: "datePrecision", message: `“${v.date}” is a date to the ${parsed.precision}, not to the ${v.datePrecision}.` };
  }
  return null;
}

/** POST /api/evidence. */
export const createEvidenceSchema = evidenceFields.superRefine((v, ctx) => {
  const problem = checkEvidenceDates(v);
  if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
});
export type CreateEvidenceInput = z.infer<typeof createEvidenceSchema>;

/** The fields of a new item as the user described them, a field left out as null: what the server stores and the optimistic copy shows. */
export const describedEvidence = (input: CreateEvidenceInput) => ({
  kind: input.kind,
  title: input.title,
  url: input.url ?? null,
  publisher: input.publisher ?? null,
  author: input.author ?? null,
  publishedDate: input.publishedDate ?? null,
  accessedDate: input.accessedDate ?? null,
  quote: input.quote ?? null,
  internal: input.internal ?? false,
});

/** PATCH /api/evidence/{id}: any subset of the fields, and the version the client read. */
export const updateEvidenceSchema = evidenceFields
  .partial()
  .extend({ version: z.number().int().min(1) })
  .superRefine((v, ctx) => {
    if (v.date !== undefined && v.date !== null) {
      const parsed = parseDateValue(v.date);
      if ("message" in parsed) ctx.addIssue({ code: "custom", path: ["date"], message: parsed.message });
    }
  });
export type UpdateEvidenceInput = z.infer<typeof updateEvidenceSchema>;

/** DELETE /api/evidence/{id}?version=N. */
export const evidenceVersionSchema = z.object({ version: z.coerce.number().int().min(1) });

/** GET /api/evidence?q=&kind=. */
export const listEvidenceQuery = z.object({
  q: z.string().max(200, "The search is longer than 200 characters.").optional(),
  kind: evidenceKindSchema.optional().or(z.literal("").transform(() => undefined)),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type ListEvidenceQuery = z.infer<typeof listEvidenceQuery>;

const pinpoint = optional(text(1000));

/** POST /api/claims/{id}/evidence: attach an existing item, or create one (`evidence`) and attach it. */
export const linkEvidenceSchema = z
  .object({
    evidenceId: z.string().min(1).max(64).optional(),
    evidence: createEvidenceSchema.optional(),
    stance: stanceSchema,
    pinpoint,
  })
  .refine((v) => (v.evidenceId === undefined) !== (v.evidence === undefined), {
    message: "Name an existing item (evidenceId) or describe a new one (evidence), not both.",
    path: ["evidenceId"],
  });
export type LinkEvidenceInput = z.infer<typeof linkEvidenceSchema>;

/** PATCH /api/evidence-links/{id}. */
export const updateEvidenceLinkSchema = z
  .object({ version: z.number().int().min(1), stance: stanceSchema.optional(), pinpoint })
  .refine((v) => v.stance !== undefined || v.pinpoint !== undefined, { message: "Nothing to change.", path: ["stance"] });
export type UpdateEvidenceLinkInput = z.infer<typeof updateEvidenceLinkSchema>;

/** An item's own description, as a claim that cites it carries it (final claims, reports) and every read of it starts. */
export type EvidenceCitation = {
  id: string;
  kind: string;
  title: string;
  url: string | null;
  publisher: string | null;
  author: string | null;
  /** ISO-8601 calendar dates (YYYY, YYYY-MM or YYYY-MM-DD). */
  publishedDate: string | null;
  accessedDate: string | null;
  quote: string | null;
  /** Dated facts: the date or interval the fact states. */
  dateStart: string | null;
  dateEnd: string | null;
  datePrecision: string | null;
};

/** An item as the API returns it. */
export type EvidenceDto = Omit<EvidenceCitation, "kind" | "datePrecision"> & {
  kind: EvidenceKind;
  datePrecision: DatePrecision | null;
  notesHtml: string;
  /** Dated facts: "2022-06-28/2022-06-30", or one date. */
  date: string | null;
  /** For the desk only: never on a published page. */
  internal: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** Set on a tombstone: claims that cite the item still show it, marked deleted. */
  deletedAt: string | null;
  /** A dated fact's sources, and a source's dated facts. */
  sources: EvidenceRef[];
  facts: EvidenceRef[];
  /** Live claims that cite it. */
  useCount: number;
  can: { edit: boolean; delete: boolean };
};

/** A short reference to another item. */
export type EvidenceRef = { id: string; title: string; url: string | null; deletedAt: string | null };

/** One claim that cites an item, with its article. */
export type EvidenceUse = {
  linkId: string;
  claimId: string;
  articleId: string;
  articleTitle: string;
  exact: string;
  verdict: Verdict;
  stance: Stance;
  pinpoint: string | null;
};

/** GET /api/evidence/{id}: the item and where it is used. */
export type EvidenceDetailDto = EvidenceDto & { usedIn: EvidenceUse[] };

/** DELETE /api/evidence/{id}: the tombstone and the claims that still show it. */
export type DeleteEvidenceResult = { evidence: EvidenceDto; usedIn: EvidenceUse[] };

/** An item attached to a claim. */
export type EvidenceLinkDto = {
  id: string;
  claimId: string;
  stance: Stance;
  pinpoint: string | null;
  version: number;
  createdAt: string;
  evidence: EvidenceDto;
  can: { edit: boolean };
};

/**
 * GET /api/claims/{id}/evidence: the links and any date warnings, with the
 * claim's words the warnings were computed on (`hintsFor`): a correction or a
 * re-placing changes the words, and the card then asks again rather than show
 * a warning about words the claim no longer has.
 */
export type ClaimEvidenceDto = { links: EvidenceLinkDto[]; hints: DateHint[]; hintsFor: string | null };
