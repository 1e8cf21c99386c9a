import { Prisma } from "@/generated/sqlite";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAuditSql } from "@/lib/server/visibility/visible-where";
import { activitySummary } from "@/lib/schemas/activity-actions";
import type { ActivityEventDto, ActivityPageDto, ActivityQuery } from "@/lib/schemas/team";
import { requirePermission } from "@/lib/server/require-permission";
import { activityObjects } from "./activity-objects";

/**
 * GET /api/team/activity: the team's audit events, newest first, filtered by
 * person, action (or action group) and article, in pages.
 *
 * Keyset paging on (createdAt, id): the cursor is the last event seen, so a
 * page costs one index range scan however deep it is (no OFFSET), on the
 * indexes (teamId, createdAt), (teamId, actorId, createdAt) and (teamId,
 * action, createdAt). The article filter follows the objects that belong to
 * the article (its claims, final claims, rounds, clusters, evidence links
 * and comments) by subqueries on their indexed ids.
 *
 * The rows say who did what to which object and when, and carry none of the
 * audit's before/after content; events about work the viewer may not see
 * (a blind round's drafts, its evidence, an outcome of an article they
 * review blind) are left out by the one visibility rule (visibleAuditSql).
 */
export async function listActivity(user: Viewer, query: ActivityQuery): Promise<ActivityPageDto> {
  requirePermission(user, "activity.view");
  const where = [visibleAuditSql(user.visibility, "e")];
  if (query.actor) where.push(Prisma.sql`e."actorId" = ${query.actor}`);
  if (query.action)
    where.push(query.action.includes(".") ? Prisma.sql`e."action" = ${query.action}` : Prisma.sql`e."action" LIKE ${`${query.action}.%`}`);
  if (query.before) {
    const [ms, id] = [Number(query.before.slice(0, 13)), query.before.slice(14)];
    const at = new Date(ms);
    where.push(Prisma.sql`(e."createdAt" < ${at} OR (e."createdAt" = ${at} AND e."id" < ${id}))`);
  }
  if (query.article) where.push(articleObjects(user.teamId, query.article));
  const ids = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
    SELECT e."id" FROM "AuditEvent" e
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY e."createdAt" DESC, e."id" DESC
    LIMIT ${query.limit + 1}`);
  const pageIds = ids.slice(0, query.limit).map((r) => r.id);
  const rows = await db.auditEvent.findMany({
    where: { id: { in: pageIds }, teamId: user.teamId },
    select: { id: true, action: true, objectType: true, objectId: true, createdAt: true, actor: { select: { id: true, name: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const objects = await activityObjects(user.teamId, rows);
  const events: ActivityEventDto[] = rows.map((r) => ({
    id: r.id,
    at: r.createdAt.toISOString(),
    actor: r.actor,
    action: r.action,
    summary: activitySummary(r.action),
    object: { type: r.objectType, id: r.objectId, ...(objects.get(`${r.objectType}:${r.objectId}`) ?? { label: null, href: null }) },
  }));
  const last = rows.at(-1);
  return { events, next: ids.length > query.limit && last ? `${String(last.createdAt.getTime()).padStart(13, "0")}_${last.id}` : null };
}

/** Events about `articleId` or anything that belongs to it. */
function articleObjects(teamId: string, articleId: string) {
  return Prisma.sql`(
    (e."objectType" = 'article' AND e."objectId" = ${articleId})
    OR (e."objectType" = 'annotation' AND e."objectId" IN (SELECT a."id" FROM "Annotation" a WHERE a."teamId" = ${teamId} AND a."articleId" = ${articleId}))
    OR (e."objectType" = 'claim' AND e."objectId" IN (SELECT c."id" FROM "Claim" c WHERE c."teamId" = ${teamId} AND c."articleId" = ${articleId}))
    OR (e."objectType" = 'round' AND e."objectId" IN (SELECT r."id" FROM "ReviewRound" r WHERE r."teamId" = ${teamId} AND r."articleId" = ${articleId}))
    OR (e."objectType" = 'cluster' AND e."objectId" IN (SELECT k."id" FROM "Cluster" k JOIN "ReviewRound" r ON r."id" = k."roundId" WHERE r."teamId" = ${teamId} AND r."articleId" = ${articleId}))
    OR (e."objectType" = 'evidence_link' AND e."objectId" IN (
      SELECT l."id" FROM "EvidenceLink" l LEFT JOIN "Annotation" a ON a."id" = l."annotationId" LEFT JOIN "Claim" c ON c."id" = l."claimId"
      WHERE l."teamId" = ${teamId} AND (a."articleId" = ${articleId} OR c."articleId" = ${articleId})))
    OR (e."objectType" = 'comment' AND e."objectId" IN (
      SELECT m."id" FROM "Comment" m LEFT JOIN "Annotation" a ON a."id" = m."annotationId" LEFT JOIN "Claim" c ON c."id" = m."claimId"
      LEFT JOIN "Cluster" k ON k."id" = m."clusterId" LEFT JOIN "ReviewRound" r ON r."id" = k."roundId"
      WHERE m."teamId" = ${teamId} AND (a."articleId" = ${articleId} OR c."articleId" = ${articleId} OR r."articleId" = ${articleId})))
  )`;
}
