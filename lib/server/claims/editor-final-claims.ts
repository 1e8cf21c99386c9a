import { pgPool } from "@/lib/db";
import { readRows, sql } from "@/lib/db/direct-sql";
import type { AnchorFields, AnchorState, Verdict } from "@/lib/schemas/claim";
import type { FinalClaim, FinalClaimEvidence } from "@/lib/schemas/final-claim";
import type { EvidenceCitation } from "@/lib/schemas/evidence";
import { rolesWith } from "@/lib/policies/permissions";

/**
 * Editors' own final claims (annotations outside review rounds by an editor
 * or admin of the team) on the given article versions, with their evidence,
 * as listFinalClaims defines them: two statements on lib/db/direct-sql.ts,
 * since a report of a desk's volume reads ten thousand of them (exports of
 * 10,000 claims in a second, loading included).
 * The statements are the same on both databases but for the list of
 * versions (a JSON array on SQLite, an array parameter on PostgreSQL) and
 * reading timestamps (PostgreSQL's `timestamp` is read as UTC explicitly;
 * pg alone would take it for local time).
 */
export async function editorFinalClaims(teamId: string, versionIds: string[]): Promise<FinalClaim[]> {
  if (versionIds.length === 0) return [];
  const pg = !!pgPool;
  const [rows, links] = await Promise.all([
    readRows<AnnotationRow>(pg ? pgAnnotations(teamId, versionIds) : sqliteAnnotations(teamId, JSON.stringify(versionIds))),
    readRows<LinkRow>(pg ? pgLinks(teamId, versionIds) : sqliteLinks(teamId, JSON.stringify(versionIds))),
  ]);
  const evidence = new Map<string, FinalClaimEvidence[]>();
  for (const l of links) {
    const list = evidence.get(l.annotationId) ?? [];
    list.push({
      linkId: l.id,
      stance: l.stance,
      pinpoint: l.pinpoint,
      evidence: {
        id: l.evidenceId,
        kind: l.kind,
        title: l.title,
        url: l.url,
        publisher: l.publisher,
        author: l.author,
        publishedDate: l.publishedDate,
        accessedDate: l.accessedDate,
        quote: l.quote,
        dateStart: l.dateStart,
        dateEnd: l.dateEnd,
        datePrecision: l.datePrecision,
        deleted: l.deletedAt !== null,
        // SQLite returns booleans as 0/1.
        internal: !!l.internal,
      },
    });
    evidence.set(l.annotationId, list);
  }
  return rows.map((a): FinalClaim => {
    const author = { id: a.authorId, name: a.authorName };
    const verdict = a.verdict as Verdict;
    return {
      id: a.id,
      source: "editor",
      articleId: a.articleId,
      versionId: a.versionId,
      start: Number(a.start),
      end: Number(a.end),
      exact: a.exact,
      prefix: a.prefix,
      suffix: a.suffix,
      anchorState: a.anchorState as AnchorState,
      anchorScore: a.anchorScore === null ? null : Number(a.anchorScore),
      version: Number(a.version),
      verdict,
      rationaleHtml: a.rationaleHtml,
      speaker: a.speaker,
      firstAppearanceUrl: a.firstAppearanceUrl,
      firstAppearanceDate: a.firstAppearanceDate,
      evidence: evidence.get(a.id) ?? [],
      members: [
        { annotationId: a.id, author, start: Number(a.start), end: Number(a.end), exact: a.exact, verdict, rationaleHtml: a.rationaleHtml },
      ],
      cluster: null,
      decision: null,
      author,
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
    };
  });
}

/**
 * Whether the version has any editor's own final claim (as editorFinalClaims
 * reads them): one row at most, so the article page can tell whether to
 * leave its final claims out without reading them all.
 */
export async function hasEditorFinalClaims(teamId: string, versionId: string): Promise<boolean> {
  const rows = await readRows<AnnotationRow>(
    pgPool ? pgAnnotations(teamId, [versionId], 1) : sqliteAnnotations(teamId, JSON.stringify([versionId]), 1),
  );
  return rows.length > 0;
}

type AnnotationRow = AnchorFields & {
  id: string;
  articleId: string;
  versionId: string;
  anchorState: string;
  anchorScore: number | null;
  version: number;
  verdict: string;
  rationaleHtml: string;
  speaker: string | null;
  firstAppearanceUrl: string | null;
  firstAppearanceDate: string | null;
  createdAt: string | Date;
  updatedAt: string | Date;
  authorId: string;
  authorName: string | null;
};

/** A link with its item's columns (the item's id as `evidenceId`). */
type LinkRow = Omit<EvidenceCitation, "id"> & {
  id: string;
  annotationId: string;
  stance: FinalClaimEvidence["stance"];
  pinpoint: string | null;
  evidenceId: string;
  deletedAt: unknown;
  internal: boolean | number;
};

/** SQLite stores Prisma's DateTime as ISO text with "+00:00"; PostgreSQL's is read as UTC (below). */
const iso = (value: string | Date) => new Date(value).toISOString();

/** Whose own claims outside rounds are the desk's final claims (lib/policies/permissions.ts). */
const FINAL_ROLES = rolesWith("claims.final");

// The annotations an editor's final claims come from: as listFinalClaims selects them, on the given versions
// (`limit` rows at most: -1 on SQLite and null on PostgreSQL mean no limit).
const sqliteAnnotations = (teamId: string, versions: string, limit = -1) => sql`
  SELECT a."id", a."articleId", a."versionId", a."start", a."end", a."exact", a."prefix", a."suffix", a."anchorState", a."anchorScore", a."version",
    a."verdict", a."rationaleHtml", a."speaker", a."firstAppearanceUrl", a."firstAppearanceDate", a."createdAt", a."updatedAt", u."id" AS "authorId", u."name" AS "authorName"
  FROM "Annotation" a JOIN "User" u ON u."id" = a."authorId"
  WHERE a."teamId" = ${teamId} AND a."roundId" IS NULL AND a."deletedAt" IS NULL AND a."versionId" IN (SELECT "value" FROM json_each(${versions}))
    AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = a."authorId" AND m."teamId" = ${teamId} AND m."role" IN (SELECT "value" FROM json_each(${JSON.stringify(FINAL_ROLES)})))
  LIMIT ${limit}`;

const pgAnnotations = (teamId: string, versions: string[], limit: number | null = null) => sql`
  SELECT a."id", a."articleId", a."versionId", a."start", a."end", a."exact", a."prefix", a."suffix", a."anchorState", a."anchorScore", a."version",
    a."verdict", a."rationaleHtml", a."speaker", a."firstAppearanceUrl", a."firstAppearanceDate", a."createdAt" AT TIME ZONE 'UTC' AS "createdAt", a."updatedAt" AT TIME ZONE 'UTC' AS "updatedAt",
    u."id" AS "authorId", u."name" AS "authorName"
  FROM "Annotation" a JOIN "User" u ON u."id" = a."authorId"
  WHERE a."teamId" = ${teamId} AND a."roundId" IS NULL AND a."deletedAt" IS NULL AND a."versionId" = ANY(${versions})
    AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."userId" = a."authorId" AND m."teamId" = ${teamId} AND m."role"::text = ANY(${[...FINAL_ROLES]}))
  LIMIT ${limit}`;

// Their live evidence links with the library items (a deleted item still shows, flagged), oldest link first.
const sqliteLinks = (teamId: string, versions: string) => sql`
  SELECT l."id", l."annotationId", l."stance", l."pinpoint", e."id" AS "evidenceId", e."kind", e."title", e."url", e."publisher", e."author",
    e."publishedDate", e."accessedDate", e."quote", e."dateStart", e."dateEnd", e."datePrecision", e."deletedAt", e."internal"
  FROM "EvidenceLink" l JOIN "EvidenceItem" e ON e."id" = l."evidenceId" JOIN "Annotation" a ON a."id" = l."annotationId"
  WHERE a."teamId" = ${teamId} AND a."roundId" IS NULL AND a."deletedAt" IS NULL AND l."deletedAt" IS NULL
    AND a."versionId" IN (SELECT "value" FROM json_each(${versions}))
  ORDER BY l."createdAt", l."id"`;

const pgLinks = (teamId: string, versions: string[]) => sql`
  SELECT l."id", l."annotationId", l."stance", l."pinpoint", e."id" AS "evidenceId", e."kind", e."title", e."url", e."publisher", e."author",
    e."publishedDate", e."accessedDate", e."quote", e."dateStart", e."dateEnd", e."datePrecision", e."deletedAt", e."internal"
  FROM "EvidenceLink" l JOIN "EvidenceItem" e ON e."id" = l."evidenceId" JOIN "Annotation" a ON a."id" = l."annotationId"
  WHERE a."teamId" = ${teamId} AND a."roundId" IS NULL AND a."deletedAt" IS NULL AND l."deletedAt" IS NULL AND a."versionId" = ANY(${versions})
  ORDER BY l."createdAt", l."id"`;
