/**
 * The numeric scale a team gives its verdicts in published ClaimReview
 * (`reviewRating.ratingValue` between `worstRating` and `bestRating`).
 *
 * Google asks for a number-to-text system for every fact check that carries a
 * number, the closer to `bestRating` the truer. Verified and Disputed have a
 * place on such a scale; Unsourced does not (it says the text gives no
 * attribution or evidence, not that the statement is half true), so by
 * default it carries no number: its ClaimReview keeps the textual rating
 * only. A team whose public scale has a place for it can set one.
 */
import { z } from "zod";
import { VERDICTS, type Verdict } from "./claim";

/** A team's scale: the worst and best values, and each verdict's value (null: no number for it). */
export type RatingScale = { worst: number; best: number; values: Record<Verdict, number | null> };

/** Verified is the top of a 1–5 scale and Disputed the bottom; Unsourced has no number (see above). */
export const DEFAULT_RATING_SCALE: RatingScale = { worst: 1, best: 5, values: { verified: 5, disputed: 1, unsourced: null } };

const point = z.number({ message: "Use a whole number." }).int("Use a whole number.").min(-100, "At least -100.").max(100, "At most 100.");

/** The scale as a settings form sends it; each verdict's value within [worst, best]. */
export const ratingScaleSchema = z
  .object({
    worst: point,
    best: point,
    values: z.object({ verified: point.nullable(), disputed: point.nullable(), unsourced: point.nullable() }),
  })
  .superRefine((s, ctx) => {
    if (s.best <= s.worst) ctx.addIssue({ code: "custom", message: "The best rating must be higher than the worst.", path: ["best"] });
    for (const v of VERDICTS) {
      const value = s.values[v];
      if (value !== null && (value < s.worst || value > s.best)) {
        ctx.addIssue({ code: "custom", message: `Use a value from ${s.worst} to ${s.best}.`, path: ["values", v] });
      }
    }
  });

/** A stored scale (a JSON column), or the default when it is absent or not a scale any more. */
export function readRatingScale(stored: unknown): RatingScale {
  const parsed = ratingScaleSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_RATING_SCALE;
}
