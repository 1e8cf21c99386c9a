import { z } from "zod";
import { RICH_TEXT_MAX } from "@/lib/rich-text/allowed";
import { claimOriginFields, hasOriginChange } from "./claim-origin";

export const VERDICTS = ["verified", "disputed", "unsourced"] as const;
export const verdictSchema = z.enum(VERDICTS);
export type Verdict = z.infer<typeof verdictSchema>;

/** Labels as the UI and reports print them. "Unsourced" is not a truth value. */
export const VERDICT_LABELS: Record<Verdict, string> = { verified: "Verified", disputed: "Disputed", unsourced: "Unsourced" };

const offset = z.number().int().min(0).max(10_000_000);
const rationale = z.string().max(RICH_TEXT_MAX, `The rationale is longer than ${RICH_TEXT_MAX} characters.`);
/** Who made the claim, free text; empty clears it. */
const speaker = z.string().trim().max(200, "The speaker is longer than 200 characters.");

/** POST /api/articles/{id}/claims. Offsets count Unicode code points of the version's canonical text. */
export const createClaimSchema = z
  .object({
    versionId: z.string().min(1).max(64),
    start: offset,
    end: offset,
    verdict: verdictSchema,
    rationale: rationale.optional(),
    speaker: speaker.optional(),
    firstAppearanceUrl: claimOriginFields.firstAppearanceUrl,
    firstAppearanceDate: claimOriginFields.firstAppearanceDate,
    /** The text the client believes it selected; checked against the server's text. */
    exact: z.string().max(100_000).optional(),
    /**
     * Idempotency key: a UUID the client makes once per claim and sends again
     * on every retry. It becomes the claim's id, so a retry after a lost
     * response returns the claim already saved instead of a duplicate.
     */
    clientId: z.uuid().optional(),
  })
  .refine((v) => v.end > v.start, { message: "The span is empty or reversed.", path: ["end"] });
export type CreateClaimInput = z.infer<typeof createClaimSchema>;

/** GET /api/articles/{id}/claims?page=N (from 1; lib/server/claims/list-claims.ts). */
export const claimsPageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) });

/** Response headers of a claims page: how many claims in all, and how many per page. */
export const CLAIMS_TOTAL_HEADER = "X-Total-Count";
export const CLAIMS_PAGE_SIZE_HEADER = "X-Page-Size";

/** PATCH /api/claims/{id}. `version` is the row version the client read. */
export const updateClaimSchema = z
  .object({ version: z.number().int().min(1), verdict: verdictSchema.optional(), rationale: rationale.optional(), ...claimOriginFields })
  .refine((v) => v.verdict !== undefined || v.rationale !== undefined || hasOriginChange(v), {
    message: "Nothing to change.",
    path: ["verdict"],
  });
export type UpdateClaimInput = z.infer<typeof updateClaimSchema>;

/** DELETE /api/claims/{id}?version=N and POST /api/claims/{id}/restore. */
export const claimVersionSchema = z.object({ version: z.coerce.number().int().min(1) });

/** Where a claim stands after a correction (lib/anchoring/reanchor.ts). */
export const ANCHOR_STATES = ["anchored", "moved", "drifted", "orphaned"] as const;
export type AnchorState = (typeof ANCHOR_STATES)[number];

/**
 * Where a claim sits in a version's text, as the W3C selectors say it: a
 * TextPositionSelector (code points of the canonical text; 0 and 0 for an
 * orphan) and a TextQuoteSelector (the words, with up to 32 code points of
 * context). Every DTO that places a claim shares these fields.
 */
export type AnchorFields = {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
};

/** Just the anchor fields of anything that places a claim (a row, a DTO, a report claim). */
export const anchorFields = ({ start, end, exact, prefix, suffix }: AnchorFields): AnchorFields => ({ start, end, exact, prefix, suffix });

/** A claim as the API returns it. */
export type ClaimDto = AnchorFields & {
  id: string;
  articleId: string;
  versionId: string;
  verdict: Verdict;
  rationaleHtml: string;
  /** Who made the claim, or null. */
  speaker: string | null;
  /** Where and when the claim first appeared, where known. */
  firstAppearanceUrl: string | null;
  firstAppearanceDate: string | null;
  status: "draft" | "submitted";
  version: number;
  author: { id: string; name: string | null };
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  /** The review round it was made in, if any. */
  roundId: string | null;
  /** Where the claim stands after the article was corrected: drifted needs an editor, orphaned has start = end = 0 and its old quote. */
  anchorState: AnchorState;
  /** The fuzzy-match score (0..1) of a drifted claim. */
  anchorScore: number | null;
  /** Live evidence links when it was read (its card loads them only when there are some, or when selected). */
  evidenceCount: number;
  /** What the caller may do with it (lib/policies/claim.ts). */
  can: { edit: boolean; delete: boolean; restore: boolean };
};
