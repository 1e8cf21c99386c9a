import { reportTitle } from "@/lib/export/report-model";
import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/busy-retry";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { publicationRefusal } from "@/lib/policies/publication";
import type { PublicationDto, PublishInput } from "@/lib/schemas/publication";
import { sameFactCheck, toPublicFactCheck, type PublicFactCheck } from "@/lib/publish/public-fact-check";
import { slugify } from "@/lib/publish/public-urls";
import { countsText } from "@/lib/publish/render-public-page";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { loadReport } from "@/lib/server/reports/load-report";
import { publishEvent } from "@/lib/events/event-bus";
import { getPublication } from "./get-publication";

/**
 * POST /api/articles/{id}/publication: publish the article's fact-check, or
 * publish it again after a correction or a change of the desk's claims
 * (editors and admins).
 *
 * What the public page shows is a snapshot taken now (lib/publish/public-fact-check.ts):
 * the final claims of the current version that still stand, as the caller
 * may see them (an editor reviewing the article blind has none, so nothing to
 * publish), with public sources only. Later private edits stay private until
 * the next publish.
 *
 * - Refused (409) while a review round on the article is open: its
 *   reviewers read blind, and the public page would show them the verdicts.
 * - First publish: the address is `slug` or one made from the title, unique
 *   in the team (a taken `slug` is a 409 naming it); revision 1, "publish".
 * - Again: a compare-and-set on the publication's `version` (409 with the
 *   current state when stale) and a public `note` saying what changed (400
 *   naming `note` without one); refused (409) when the snapshot and the text
 *   are what the page already shows. After a retraction this republishes.
 * Each is a revision of the public change log and an audit event, in one
 * transaction.
 */
export async function publishArticle(user: Viewer, articleId: string, input: PublishInput, baseUrl: string): Promise<PublicationDto> {
  const refusal = publicationRefusal(user, "publish");
  if (refusal) throw new AppError("FORBIDDEN", refusal);
  const model = await loadReport(user.visibility, articleId, { baseUrl });
  const team = await db.team.findUniqueOrThrow({ where: { id: user.teamId }, select: { slug: true } });
  const snapshot = toPublicFactCheck(model, team.slug);
  if (snapshot.claims.length === 0) {
    throw new AppError(
      "CONFLICT",
      snapshot.withheld
        ? "Nothing to publish: every final claim needs re-review after a correction. Confirm or re-place them first."
        : "Nothing to publish: the article has no final claims yet.",
    );
  }
  const text = model.version.text;
  const textHash = createHash("sha256").update(text, "utf8").digest("hex");
  const title = reportTitle(model);
  const summary = countsText(snapshot);

  try {
    await db.$transaction(async (tx) => {
      // Its reviewers read blind: a public page would show them the earlier verdicts on the article.
      if (await tx.reviewRound.count({ where: { teamId: user.teamId, articleId, status: "open" } })) {
        throw new AppError(
          "CONFLICT",
          "A review round is open on this article: publish after its reviewers have submitted and it is revealed.",
        );
      }
      const existing = await tx.publication.findFirst({
        where: { articleId, teamId: user.teamId },
        select: { id: true, slug: true, status: true, version: true },
      });
      const now = new Date();
      if (!existing) {
        const slug = input.slug ?? (await freeSlug(tx, user.teamId, slugify(model.article.title)));
        if (input.slug && (await tx.publication.count({ where: { teamId: user.teamId, slug } }))) {
          throw new AppError("CONFLICT", `Another fact-check of the team is published at “${slug}”. Choose another address.`, {
            field: "slug",
          });
        }
        const created = await tx.publication.create({
          data: {
            teamId: user.teamId,
            articleId,
            slug,
            title,
            summary,
            claimCount: snapshot.claims.length,
            firstPublishedAt: now,
            changedAt: now,
          },
          select: { id: true },
        });
        await tx.publicationRevision.create({
          data: revision(created.id, 1, "publish", input.note || null, user.id, model.version.number, text, textHash, snapshot, now),
        });
        await recordAuditEvent(tx, {
          teamId: user.teamId,
          actorId: user.id,
          action: "publication.publish",
          objectType: "article",
          objectId: articleId,
          after: { slug, revision: 1, versionNumber: model.version.number, claims: snapshot.claims.length },
        });
        return;
      }
      // The caller read it unpublished: someone published it since (or a double click). 409 with what is public now.
      if (input.version === undefined) throw new AppError("CONFLICT", "Someone published this fact-check in the meantime.");
      if (!input.note)
        throw new AppError("INVALID_INPUT", "Say what changed: readers see the note in the page's log of changes.", { field: "note" });
      if (input.slug && input.slug !== existing.slug)
        throw new AppError("INVALID_INPUT", "A published fact-check keeps its address.", { field: "slug" });
      const last = await tx.publicationRevision.findFirst({
        where: { publicationId: existing.id, action: { in: ["publish", "update"] } },
        orderBy: { number: "desc" },
        select: { snapshot: true, textHash: true },
      });
      if (
        existing.status === "published" &&
        last &&
        last.textHash === textHash &&
        sameFactCheck(last.snapshot as PublicFactCheck, snapshot)
      ) {
        throw new AppError("CONFLICT", "Nothing changed since the last publish: the public page already shows these claims.");
      }
      const done = await tx.publication.updateMany({
        where: { id: existing.id, version: input.version },
        data: {
          status: "published",
          title,
          summary,
          claimCount: snapshot.claims.length,
          changedAt: now,
          retractedAt: null,
          retractionReason: null,
          version: { increment: 1 },
        },
      });
      if (done.count === 0) throw new AppError("CONFLICT", "Someone published or withdrew this fact-check in the meantime.");
      const number = (await tx.publicationRevision.count({ where: { publicationId: existing.id } })) + 1;
      // After a retraction, publishing again is a publish; otherwise an update of what is public.
      const action = existing.status === "retracted" ? "publish" : "update";
      await tx.publicationRevision.create({
        data: revision(existing.id, number, action, input.note, user.id, model.version.number, text, textHash, snapshot, now),
      });
      await recordAuditEvent(tx, {
        teamId: user.teamId,
        actorId: user.id,
        action: `publication.${action}`,
        objectType: "article",
        objectId: articleId,
        before: { status: existing.status, version: existing.version },
        after: {
          slug: existing.slug,
          revision: number,
          versionNumber: model.version.number,
          claims: snapshot.claims.length,
          note: input.note,
        },
      });
    });
  } catch (e) {
    if (e instanceof AppError && e.code === "CONFLICT" && !e.field && /in the meantime\.$/.test(e.message)) {
      throw new AppError("CONFLICT", e.message, { current: await getPublication(user, articleId, baseUrl) });
    }
    // Two first publishes at once (the article's one publication), or a slug taken between the check and the insert.
    if (isUniqueViolation(e))
      throw new AppError("CONFLICT", "Someone published this fact-check, or took its address, in the meantime. Reload and try again.", {
        current: await getPublication(user, articleId, baseUrl),
      });
    throw e;
  }
  publishEvent({ team: user.teamId, article: articleId, kind: "article", id: articleId, version: null });
  return getPublication(user, articleId, baseUrl);
}

type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** `base`, or `base-2`, `base-3`… : the first slug no publication of the team has. */
async function freeSlug(tx: Tx, teamId: string, base: string): Promise<string> {
  const taken = new Set(
    (await tx.publication.findMany({ where: { teamId, slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

function revision(
  publicationId: string,
  number: number,
  action: "publish" | "update",
  note: string | null,
  actorId: string,
  versionNumber: number,
  text: string,
  textHash: string,
  snapshot: PublicFactCheck,
  createdAt: Date,
) {
  return {
    publicationId,
    number,
    action,
    note,
    actorId,
    versionNumber,
    text,
    textHash,
    snapshot: JSON.parse(JSON.stringify(snapshot)),
    createdAt,
  };
}
