import { z } from "zod";

const offset = z.number().int().min(0).max(10_000_000);

/**
 * PATCH /api/claims/{id}/anchor, with the claim `version` the client read:
 * `{ start, end }` re-places the claim on the current text (code points),
 * `{ confirm: true }` accepts a drifted claim where re-anchoring put it.
 */
export const placeAnchorSchema = z
  .object({ version: z.number().int().min(1), start: offset.optional(), end: offset.optional(), confirm: z.literal(true).optional() })
  .refine((v) => (v.confirm ? v.start === undefined && v.end === undefined : v.start !== undefined && v.end !== undefined), {
    message: "Send start and end to re-place the claim, or confirm: true to keep it where it drifted.",
    path: ["start"],
  })
  .refine((v) => v.confirm || (v.end ?? 0) > (v.start ?? 0), { message: "The span is empty or reversed.", path: ["end"] });
export type PlaceAnchorInput = z.infer<typeof placeAnchorSchema>;
