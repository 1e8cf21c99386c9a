import { db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { CreateClaimInput } from "@/lib/schemas/claim";
import { describeSpan, validateSpan } from "@/lib/anchoring/selectors";
import { OffsetIndex } from "@/lib/anchoring/offsets";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { canCreateClaim } from "@/lib/policies/claim";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { claimSelect, toClaimDto } from "./claim-dto";

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
  const version = await db.articleVersion.findFirst({
    where: { id: input.versionId, articleId, article: { teamId: user.teamId, deletedAt: null } },
    select: { id: true, text: true },
  });
  if (!version) {
    const article = await db.article.findFirst({ where: { id: articleId, teamId: user.teamId, deletedAt: null }, select: { id: true } });
    throw article ? new AppError("INVALID_INPUT", "That version does not belong to this article.", { field: "versionId" }) : notFound("Article not found.");
  }
  const index = new OffsetIndex(version.text);
  const check = validateSpan(version.text, input.start, input.end, index);
  if (!check.ok) throw new AppError("INVALID_INPUT", SPAN_MESSAGES[check.reason], { field: check.reason === "out-of-range" ? "end" : "start" });
  const selectors = describeSpan(version.text, input.start, input.end, index);
  if (input.exact !== undefined && input.exact.normalize("NFC") !== selectors.quote.exact) {
    throw new AppError("INVALID_INPUT", "The selected text does not match the article at these offsets.", { field: "exact" });
  }
  const rationaleHtml = sanitizeRichText(input.rationale ?? "");

  const row = await db.$transaction(async (tx) => {
    const created = await tx.annotation.create({
      data: {
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
      },
      select: claimSelect,
    });
    await recordAuditEvent(tx, { teamId: user.teamId, actorId: user.id, action: "claim.create", objectType: "annotation", objectId: created.id, after: created });
    return created;
  });
  return toClaimDto(row, user);
}
