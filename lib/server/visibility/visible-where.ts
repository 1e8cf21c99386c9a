/**
 * The blind-review rule of lib/policies/visibility.ts as Prisma `where`
 * fragments, one per kind of row, in the manner of documenso's
 * getEnvelopeWhereInput: every read of people's work puts one of these in
 * its `where`, and each asserts its input, so a read without the caller's
 * Visibility throws instead of returning everything. Each fragment names the
 * team too. Combine them with other conditions under `AND` (their own keys
 * include `OR`/`AND`/`NOT`, which a spread would overwrite).
 */
import { Prisma } from "@/generated/sqlite";
import { pgPool } from "@/lib/db";
import { assertVisibility, hiddenItemMakers, ROUND_STATE_NOTIFICATIONS, type Visibility } from "@/lib/policies/visibility";

const blindArticles = (v: Visibility) => v.blind.map((b) => b.articleId);

/**
 * Annotations the viewer may see (rules 1 and 2). Drafts of open rounds are
 * named by the rounds' ids (read with the visibility), so the query needs no
 * join, and a team with no open round needs no condition beyond the team.
 */
export function visibleAnnotationWhere(v: Visibility): Prisma.AnnotationWhereInput {
  assertVisibility(v);
  const rules: Prisma.AnnotationWhereInput[] = [];
  if (v.openRoundIds.length) rules.push({ OR: [{ roundId: null }, { roundId: { notIn: [...v.openRoundIds] } }, { authorId: v.viewerId }] });
  // On an article they review blind: their own annotations of that round only.
  if (v.blind.length) {
    rules.push({
      OR: [{ articleId: { notIn: blindArticles(v) } }, { roundId: { in: v.blind.map((b) => b.roundId) }, authorId: v.viewerId }],
    });
  }
  return rules.length ? { teamId: v.teamId, AND: rules } : { teamId: v.teamId };
}

/** Final claims (Claim rows) the viewer may see: none of an article they review blind. */
export function visibleClaimWhere(v: Visibility): Prisma.ClaimWhereInput {
  assertVisibility(v);
  return v.blind.length ? { teamId: v.teamId, articleId: { notIn: blindArticles(v) } } : { teamId: v.teamId };
}

/** Review rounds whose outcome (clusters, decisions, agreement) the viewer may see. */
export function visibleOutcomeRoundWhere(v: Visibility): Prisma.ReviewRoundWhereInput {
  assertVisibility(v);
  return v.blind.length ? { teamId: v.teamId, articleId: { notIn: blindArticles(v) } } : { teamId: v.teamId };
}

/** Clusters the viewer may see: those of rounds whose outcome they may see. */
export function visibleClusterWhere(v: Visibility): Prisma.ClusterWhereInput {
  return { teamId: v.teamId, round: visibleOutcomeRoundWhere(v) };
}

/**
 * Comments the viewer may see: those of a discussion whose claim they may
 * see (an annotation, a cluster or a final claim). A thread on a hidden
 * draft is hidden with it, and nothing of an article reviewed blind shows.
 */
export function visibleCommentWhere(v: Visibility): Prisma.CommentWhereInput {
  return {
    teamId: v.teamId,
    OR: [{ annotation: visibleAnnotationWhere(v) }, { cluster: visibleClusterWhere(v) }, { claim: visibleClaimWhere(v) }],
  };
}

/**
 * The viewer's own notifications that blind review lets them see
 * (canSeeNotification in lib/policies/visibility.ts): a mention only while
 * its comment is visible, and on an article they review blind only the
 * round's own state.
 */
export function visibleNotificationWhere(v: Visibility): Prisma.NotificationWhereInput {
  assertVisibility(v);
  const rules: Prisma.NotificationWhereInput[] = [{ OR: [{ commentId: null }, { comment: visibleCommentWhere(v) }] }];
  if (v.blind.length)
    rules.push({ OR: [{ articleId: null }, { articleId: { notIn: blindArticles(v) } }, { kind: { in: [...ROUND_STATE_NOTIFICATIONS] } }] });
  return { teamId: v.teamId, userId: v.viewerId, AND: rules };
}

/** Library items the viewer may see (rule 3). */
export function visibleEvidenceItemWhere(v: Visibility): Prisma.EvidenceItemWhereInput {
  assertVisibility(v);
  const makers = hiddenItemMakers(v);
  if (makers.length === 0) return { teamId: v.teamId };
  return { teamId: v.teamId, NOT: { OR: makers.map((m) => ({ createdById: m.makerId, createdAt: { gte: m.since } })) } };
}

/** Evidence links on an annotation or a final claim the viewer may see. */
export function visibleEvidenceLinkWhere(v: Visibility): Prisma.EvidenceLinkWhereInput {
  return { teamId: v.teamId, OR: [{ annotation: visibleAnnotationWhere(v) }, { claim: visibleClaimWhere(v) }] };
}

/**
 * Live links the viewer may see, on live annotations and live final claims
 * of live articles: what an item's `useCount` counts and its usage list
 * lists, so the two always agree.
 */
export function liveVisibleLinkWhere(v: Visibility): Prisma.EvidenceLinkWhereInput {
  const live = { deletedAt: null, article: { deletedAt: null } };
  return {
    teamId: v.teamId,
    deletedAt: null,
    OR: [{ annotation: { AND: [visibleAnnotationWhere(v), live] } }, { claim: { AND: [visibleClaimWhere(v), live] } }],
  };
}

/**
 * {@link visibleAnnotationWhere} as a SQL condition on the Annotation row
 * aliased `alias`, for the raw queries that aggregate over many articles
 * (the article list's counts and filters, the activity page). Same rules,
 * same inputs.
 *
 * Rule 1's open rounds go in as one bound value ({@link notAnOpenRound}),
 * not one parameter per round, so a statement does not grow with them: at
 * 834 open rounds the list of parameters cost each statement 1.5–2.5 ms more
 * on PostgreSQL (medians of interleaved runs; the server's planning stayed
 * at 1–2 ms either way), and the article list runs the rule in three
 * statements. A subquery on `ReviewRound.status` instead would need no
 * value at all, but PostgreSQL charges its hashed subplan to every rescan,
 * so it turned the activity page's per-event lookups into scans of every
 * annotation (14–45 ms at 50,000 instead of 0.4 ms).
 */
export function visibleAnnotationSql(v: Visibility, alias: string): Prisma.Sql {
  assertVisibility(v);
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const rules: Prisma.Sql[] = [Prisma.sql`${col("teamId")} = ${v.teamId}`];
  if (v.openRoundIds.length) {
    rules.push(Prisma.sql`(${col("roundId")} IS NULL OR ${col("authorId")} = ${v.viewerId} OR ${notAnOpenRound(v, col("roundId"))})`);
  }
  if (v.blind.length) {
    rules.push(
      Prisma.sql`(${col("articleId")} NOT IN (${Prisma.join(blindArticles(v))}) OR (${col("roundId")} IN (${Prisma.join(v.blind.map((b) => b.roundId))}) AND ${col("authorId")} = ${v.viewerId}))`,
    );
  }
  return Prisma.join(rules, " AND ");
}

/**
 * `round` is none of the visibility's open rounds, which are bound as one
 * value: a text array on PostgreSQL (`= ANY`, which it hashes), a JSON
 * array on SQLite (read once by `json_each`).
 */
function notAnOpenRound(v: Visibility, round: Prisma.Sql): Prisma.Sql {
  return pgPool
    ? Prisma.sql`NOT (${round} = ANY (${[...v.openRoundIds]}::text[]))`
    : Prisma.sql`${round} NOT IN (SELECT "value" FROM json_each(${JSON.stringify(v.openRoundIds)}))`;
}

/** {@link visibleClaimWhere} as a SQL condition on the Claim row aliased `alias`. */
export function visibleClaimSql(v: Visibility, alias: string): Prisma.Sql {
  assertVisibility(v);
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  const team = Prisma.sql`${col("teamId")} = ${v.teamId}`;
  return v.blind.length ? Prisma.sql`${team} AND ${col("articleId")} NOT IN (${Prisma.join(blindArticles(v))})` : team;
}

/**
 * Audit events (the activity page) the viewer may see, as a SQL condition on
 * the AuditEvent row aliased `alias`: an event about a person's work
 * (an annotation, a final claim, an evidence link, a cluster, a comment, a
 * library item) only when the viewer may see that work now, by the rules
 * above; events about articles, rounds, members and the team for everyone.
 * An event names its object's id, and the page labels it with the object's
 * words, so a hidden draft's events would betray it.
 */
export function visibleAuditSql(v: Visibility, alias: string): Prisma.Sql {
  assertVisibility(v);
  const makers = hiddenItemMakers(v);
  if (!v.openRoundIds.length && !v.blind.length && !makers.length) return Prisma.sql`${Prisma.raw(`${alias}."teamId"`)} = ${v.teamId}`;
  const type = Prisma.raw(`${alias}."objectType"`);
  const id = Prisma.raw(`${alias}."objectId"`);
  const outcomeOk = (round: string) =>
    v.blind.length ? Prisma.sql`${Prisma.raw(`${round}."articleId"`)} NOT IN (${Prisma.join(blindArticles(v))})` : Prisma.sql`1 = 1`;
  const about = (kind: string, visible: Prisma.Sql) => Prisma.sql`(${type} <> ${kind} OR ${visible})`;
  const rules = [
    Prisma.sql`${Prisma.raw(`${alias}."teamId"`)} = ${v.teamId}`,
    about("annotation", Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" a WHERE a."id" = ${id} AND ${visibleAnnotationSql(v, "a")})`),
    about("claim", Prisma.sql`EXISTS (SELECT 1 FROM "Claim" c WHERE c."id" = ${id} AND ${visibleClaimSql(v, "c")})`),
    about(
      "cluster",
      Prisma.sql`EXISTS (SELECT 1 FROM "Cluster" k JOIN "ReviewRound" r ON r."id" = k."roundId" WHERE k."id" = ${id} AND ${outcomeOk("r")})`,
    ),
    about(
      "evidence_link",
      Prisma.sql`EXISTS (
      SELECT 1 FROM "EvidenceLink" l LEFT JOIN "Annotation" a ON a."id" = l."annotationId" LEFT JOIN "Claim" c ON c."id" = l."claimId"
      WHERE l."id" = ${id} AND ((a."id" IS NOT NULL AND ${visibleAnnotationSql(v, "a")}) OR (c."id" IS NOT NULL AND ${visibleClaimSql(v, "c")})))`,
    ),
    about(
      "comment",
      Prisma.sql`EXISTS (
      SELECT 1 FROM "Comment" m LEFT JOIN "Annotation" a ON a."id" = m."annotationId" LEFT JOIN "Claim" c ON c."id" = m."claimId"
        LEFT JOIN "Cluster" k ON k."id" = m."clusterId" LEFT JOIN "ReviewRound" r ON r."id" = k."roundId"
      WHERE m."id" = ${id} AND ((a."id" IS NOT NULL AND ${visibleAnnotationSql(v, "a")}) OR (c."id" IS NOT NULL AND ${visibleClaimSql(v, "c")})
        OR (k."id" IS NOT NULL AND ${outcomeOk("r")})))`,
    ),
  ];
  if (makers.length) {
    const hidden = Prisma.join(
      makers.map((m) => Prisma.sql`(i."createdById" = ${m.makerId} AND i."createdAt" >= ${m.since})`),
      " OR ",
    );
    rules.push(about("evidence", Prisma.sql`NOT EXISTS (SELECT 1 FROM "EvidenceItem" i WHERE i."id" = ${id} AND (${hidden}))`));
  }
  return Prisma.join(rules, " AND ");
}
