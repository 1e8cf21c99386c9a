import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { publicationRefusal } from "@/lib/policies/publication";
import type { PublicationDto, RetractInput } from "@/lib/schemas/publication";
import { findArticle } from "@/lib/server/articles/find-article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { publishEvent } from "@/lib/events/event-bus";
import { getPublication } from "./get-publication";

/**
 * POST /api/articles/{id}/publication/retract: withdraw a published
 * fact-check (editors and admins). The public page stays, with a notice and
 * the public reason in place of the claims; its ClaimReview markup goes, and
 * the feeds mark it withdrawn. A compare-and-set on the publication's version
 * (409 with the current state when stale); 404 when nothing is published; 409
 * when it is already withdrawn. A revision of the public log and an audit
 * event, in one transaction. Publishing again brings it back.
 */
export async function retractPublication(
  user: CurrentUser,
  articleId: string,
  input: RetractInput,
  baseUrl: string,
): Promise<PublicationDto> {
  const refusal = publicationRefusal(user, "retract");
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  await findArticle(user.teamId, articleId);
  const stale = async (message: string) => new AppError("CONFLICT", message, { current: await getPublication(user, articleId, baseUrl) });
  const outcome = await db.$transaction(async (tx) => {
    const existing = await tx.publication.findFirst({
      where: { articleId, teamId: user.teamId },
      select: { id: true, status: true, version: true, slug: true },
    });
    if (!existing) return "unpublished" as const;
    if (existing.status === "retracted") return "retracted" as const;
    const now = new Date();
    const done = await tx.publication.updateMany({
      where: { id: existing.id, version: input.version, status: "published" },
      data: { status: "retracted", retractedAt: now, retractionReason: input.reason, changedAt: now, version: { increment: 1 } },
    });
    if (done.count === 0) return "stale" as const;
    const number = (await tx.publicationRevision.count({ where: { publicationId: existing.id } })) + 1;
    await tx.publicationRevision.create({
      data: { publicationId: existing.id, number, action: "retract", note: input.reason, actorId: user.id, createdAt: now },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "publication.retract",
      objectType: "article",
      objectId: articleId,
      before: { status: "published", version: existing.version },
      after: { status: "retracted", slug: existing.slug, revision: number, reason: input.reason },
    });
    return "done" as const;
  });
  if (outcome === "unpublished") throw new AppError("NOT_FOUND", "This article's fact-check is not published.");
  if (outcome === "retracted") throw await stale("This fact-check is already withdrawn.");
  if (outcome === "stale") throw await stale("Someone published or withdrew this fact-check in the meantime.");
  publishEvent({ team: user.teamId, article: articleId, kind: "article", id: articleId, version: null });
  return getPublication(user, articleId, baseUrl);
}
