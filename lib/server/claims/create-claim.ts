import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CreateClaimInput } from "@/lib/schemas/claim";
import { originData } from "@/lib/schemas/claim-origin";
import { describeSpan, validateSpan } from "@/lib/anchoring/selectors";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { canCreateClaim } from "@/lib/policies/claim";
import { cachedVersionTextIn, requireVersionInTeam, versionText } from "@/lib/server/articles/version-text";
import { claimSelect, toClaimDto } from "./claim-dto";
import { AlreadyTagged, insertAnnotation } from "./insert-annotation";
import { getClaim } from "./get-claim";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { VERDICT_LABELS, type ClaimDto } from "@/lib/schemas/claim";
import { publishClaimEvent } from "./claim-event";
import { isUniqueViolation } from "@/lib/db/busy-retry";

const SPAN_MESSAGES = {
  empty: "The selection is empty.",
  "out-of-range": "The selection lies outside the article text.",
  reversed: "The selection ends before it starts.",
  "whitespace-only": "The selection holds only blank space.",
} as const;

/**
 * Creates one claim (annotation) on a version of an article of the caller's
 * team. The server computes the W3C selectors from its own copy of the text,
 * so the stored quote always matches the stored position.
 *
 * Idempotent per `clientId`: the client's UUID becomes the claim's id, so a
 * retry after a lost response hits the primary key and gets the saved claim
 * back (no duplicate, no second audit event). The happy path costs no extra query.
 *
 * Words the caller has tagged already (in the round the claim would join)
 * get a 409 whose `current` is that claim, for the page to open: one
 * person's two tags of the same words left two cards with nothing to say
 * which one counts.
 *
 * Which round the claim belongs to, whether its version is still the current
 * one, whether the words are tagged already, and the article's claim quota are checked in the insert's own
 * transaction (./insert-annotation.ts), not here: a round started or a
 * correction saved between a check here and the insert would go unseen.
 * `seams.beforeInsert` runs after every read here and before that
 * transaction; tests start a round or save a correction there.
 */
export async function createClaim(
  user: CurrentUser,
  articleId: string,
  input: CreateClaimInput,
  seams: { beforeInsert?: () => Promise<void> } = {},
) {
  if (!canCreateClaim(user)) throw new AppError("FORBIDDEN");
  // The version is the team's article's before any answer speaks of its text (a span error, the quote check).
  // Once its text is cached, the cache knows whose it is (that never changes) and the scope query is skipped: whether
  // the article is still live is then checked by the insert's transaction (404), and on a refusal below by the query,
  // so a deleted article still answers 404 before any span error.
  const cached = cachedVersionTextIn(user.teamId, articleId, input.versionId);
  const { text, index } = cached ?? (await versionText((await requireVersionInTeam(user.teamId, articleId, input.versionId)).id));
  const refuse = async (error: AppError) => {
    if (cached) await requireVersionInTeam(user.teamId, articleId, input.versionId);
    return error;
  };
  const check = validateSpan(text, input.start, input.end, index);
  if (!check.ok)
    throw await refuse(
      new AppError("INVALID_INPUT", SPAN_MESSAGES[check.reason], { field: check.reason === "out-of-range" ? "end" : "start" }),
    );
  const selectors = describeSpan(text, input.start, input.end, index);
  if (input.exact !== undefined && input.exact.normalize("NFC") !== selectors.quote.exact) {
    throw await refuse(new AppError("INVALID_INPUT", "The selected text does not match the article at these offsets.", { field: "exact" }));
  }
  const rationaleHtml = input.rationale ? sanitizeRichText(input.rationale) : "";
  if (seams.beforeInsert) await seams.beforeInsert();

  const annotation = {
    teamId: user.teamId,
    articleId,
    versionId: input.versionId,
    authorId: user.id,
    start: input.start,
    end: input.end,
    exact: selectors.quote.exact,
    prefix: selectors.quote.prefix,
    suffix: selectors.quote.suffix,
    verdict: input.verdict,
    rationaleHtml,
    ...originData(input),
  };
  const audit = { teamId: user.teamId, actorId: user.id, action: "claim.create" };
  try {
    return created(user, await insertAnnotation(annotation, audit, input.clientId));
  } catch (e) {
    if (e instanceof AlreadyTagged) {
      const claim = await getClaim(await viewerOf(user), e.claimId).catch(() => null);
      // A retry of a create whose response was lost: its first try tagged these words.
      if (claim && e.claimId === input.clientId) return claim;
      throw claim ? alreadyTagged(claim) : e;
    }
    // Any other failure is the real error: retrying under a fresh id could duplicate a claim whose response is lost.
    if (!input.clientId || !isUniqueViolation(e)) throw e;
    // A retry of a create whose response was lost: the id is taken, and both inserts rolled back.
    const saved = await db.annotation.findFirst({ where: { id: input.clientId, teamId: user.teamId }, select: claimSelect });
    if (saved && saved.authorId === user.id && saved.articleId === articleId) return toClaimDto(saved, user);
    // Someone else's id (maybe another team's): never reveal or reuse it; save under a fresh id.
    return created(user, await insertAnnotation(annotation, audit));
  }
}

/** The 409 for words the caller tagged already, with that claim as `current` for the page to open. */
const alreadyTagged = (claim: ClaimDto) =>
  new AppError(
    "CONFLICT",
    `You tagged these words ${VERDICT_LABELS[claim.verdict]} already. Change that claim instead of tagging them again.`,
    {
      current: claim,
    },
  );

function created(user: CurrentUser, row: Awaited<ReturnType<typeof insertAnnotation>>) {
  // A draft in an open round is its author's alone until the reveal (blind review).
  publishClaimEvent(user, row);
  return toClaimDto({ ...row, author: { id: user.id, name: user.name } }, user);
}
