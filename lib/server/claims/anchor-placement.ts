import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { describeSpan, validateSpan } from "@/lib/anchoring/selectors";
import { canPlaceAnchor } from "@/lib/policies/article";
import type { PlaceAnchorInput } from "@/lib/schemas/claim-anchor";
import { findArticle } from "@/lib/server/articles/find-article";

const PLACE_MESSAGES = {
  empty: "Select the words the claim should cover.",
  "out-of-range": "The new place lies outside the current text.",
  reversed: "The new place ends before it starts.",
  "whitespace-only": "The new place holds only blank space; select words.",
} as const;

/** The columns settling an anchor writes (the caller adds the version increment). */
type AnchorPlacement = {
  action: "claim.anchor.confirm" | "claim.anchor.place";
  data: { anchorState: "anchored"; anchorScore: null; start?: number; end?: number; exact?: string; prefix?: string; suffix?: string };
};

/**
 * What settling a claim that a correction left drifted or orphaned writes,
 * for an annotation (`PATCH /api/claims/{id}/anchor`) and a final claim
 * (`PATCH /api/final-claims/{id}/anchor`) alike. Checks, in this order: the
 * role (403: editors and admins), that the claim is on the article's current
 * version (409, with `current()` when the caller can show it), and the
 * request (400 with `field`). `confirm` keeps a drifted claim where it
 * drifted to; `start`/`end` re-place it, with selectors the server computes
 * from its own copy of the current text.
 */
export async function anchorPlacement(
  user: CurrentUser,
  row: { articleId: string; versionId: string; anchorState: string },
  input: PlaceAnchorInput,
  current?: () => Promise<unknown>,
): Promise<AnchorPlacement> {
  if (!canPlaceAnchor(user)) throw new AppError("FORBIDDEN", "Only editors and admins can confirm or re-place a claim.");
  const { current: version } = await findArticle(user.teamId, row.articleId);
  if (row.versionId !== version.id) {
    throw new AppError(
      "CONFLICT",
      "The article was corrected again; reload and try once more.",
      current ? { current: await current() } : undefined,
    );
  }
  if (input.confirm) {
    if (row.anchorState !== "drifted")
      throw new AppError("INVALID_INPUT", "Only a drifted claim can be confirmed; re-place an orphaned one by selecting text.", {
        field: "confirm",
      });
    return { action: "claim.anchor.confirm", data: { anchorState: "anchored", anchorScore: null } };
  }
  const start = input.start!;
  const end = input.end!;
  const check = validateSpan(version.text, start, end);
  if (!check.ok)
    throw new AppError("INVALID_INPUT", PLACE_MESSAGES[check.reason], { field: check.reason === "out-of-range" ? "end" : "start" });
  const { quote } = describeSpan(version.text, start, end);
  return {
    action: "claim.anchor.place",
    data: { start, end, exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix, anchorState: "anchored", anchorScore: null },
  };
}
