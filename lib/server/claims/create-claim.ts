import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CreateClaimInput } from "@/lib/schemas/claim";
import { describeSpan, validateSpan } from "@/lib/anchoring/selectors";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { canCreateClaim } from "@/lib/policies/claim";
import { findVersionInTeam, versionText } from "@/lib/server/articles/version-text";
import { toClaimDto } from "./claim-dto";
import { insertAnnotation } from "./insert-annotation";
import { roundForNewAnnotation } from "@/lib/server/reviews/open-assignment";
import { publishEvent } from "@/lib/events/event-bus";

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
 */
export async function createClaim(user: CurrentUser, articleId: string, input: CreateClaimInput) {
  if (!canCreateClaim(user)) throw new AppError("FORBIDDEN");
  const version = await findVersionInTeam(user.teamId, articleId, input.versionId);
  if (!version) {
    const article = await db.article.findFirst({ where: { id: articleId, teamId: user.teamId, deletedAt: null }, select: { id: true } });
    throw article ? new AppError("INVALID_INPUT", "That version does not belong to this article.", { field: "versionId" }) : notFound("Article not found.");
  }
  const { text, index } = await versionText(version.id);
  const check = validateSpan(text, input.start, input.end, index);
  if (!check.ok) throw new AppError("INVALID_INPUT", SPAN_MESSAGES[check.reason], { field: check.reason === "out-of-range" ? "end" : "start" });
  const selectors = describeSpan(text, input.start, input.end, index);
  if (input.exact !== undefined && input.exact.normalize("NFC") !== selectors.quote.exact) {
    throw new AppError("INVALID_INPUT", "The selected text does not match the article at these offsets.", { field: "exact" });
  }
  const rationaleHtml = input.rationale ? sanitizeRichText(input.rationale) : "";
  // A reviewer assigned to an open round on this version annotates inside it (blind review, issue 4).
  const roundId = await roundForNewAnnotation(user, articleId, version.id);

  const row = await insertAnnotation(
    {
      teamId: user.teamId,
      articleId,
      versionId: version.id,
      authorId: user.id,
      start: input.start,
      end: input.end,
      exact: selectors.quote.exact,
      prefix: selectors.quote.prefix,
      suffix: selectors.quote.suffix,
      verdict: input.verdict,
      rationaleHtml,
      roundId,
    },
    { teamId: user.teamId, actorId: user.id, action: "claim.create" },
  );
  publishEvent({ team: user.teamId, article: articleId, kind: "annotation", id: row.id, version: row.version });
  return toClaimDto({ ...row, author: { id: user.id, name: user.name } }, user);
}
