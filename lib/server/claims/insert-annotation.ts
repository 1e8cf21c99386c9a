import { Prisma } from "@/generated/sqlite";
import { checkedWrite, composedOnce, sql } from "@/lib/db/direct-sql";
import { pgPool, type Db } from "@/lib/db";
import { newId } from "@/lib/db/new-id";
import { AppError } from "@/lib/errors";
import { limits } from "@/lib/quotas/limits";
import { anchorFields, type AnchorFields, type Verdict } from "@/lib/schemas/claim";
import type { AuditInput } from "@/lib/server/audit/record-audit-event";
import { auditInsert, auditInsertFrom, auditParams, type AuditParam } from "@/lib/server/audit/insert-audit-events";
import type { ClaimRow } from "./claim-dto";

/** The columns a new annotation needs; the round is decided inside the insert's transaction. */
export type NewAnnotation = AnchorFields & {
  teamId: string;
  articleId: string;
  versionId: string;
  authorId: string;
  verdict: Verdict;
  rationaleHtml: string;
  /** Who made the claim and where and when it first appeared, where known. */
  speaker?: string | null;
  firstAppearanceUrl?: string | null;
  firstAppearanceDate?: string | null;
};

/** The check's booleans: SQLite answers 0/1 and numbers, PostgreSQL booleans and int8 strings. */
const truthy = (v: unknown) => v === true || Number(v) === 1;

type CheckParam = "versionId" | "authorId" | "teamId" | "articleId";

/** The check inside the insert's transaction (one statement, see below): the same text on every create. */
const placementSelect = (p: (name: CheckParam) => unknown) => Prisma.sql`
        SELECT (a."deletedAt" IS NULL) AS "live",
          NOT EXISTS (SELECT 1 FROM "ArticleVersion" v JOIN "ArticleVersion" n ON n."articleId" = v."articleId" AND n."number" > v."number"
                      WHERE v."id" = ${p("versionId")}) AS "current",
          o."roundId" AS "roundId", o."submittedAt" AS "submittedAt",
          ${annotationCount(p)} AS "claims"
        FROM "Article" a
        LEFT JOIN (
          SELECT r."articleId" AS "articleId", s."roundId" AS "roundId", s."submittedAt" AS "submittedAt"
          FROM "RoundAssignment" s JOIN "ReviewRound" r ON r."id" = s."roundId"
          WHERE s."reviewerId" = ${p("authorId")} AND r."teamId" = ${p("teamId")} AND r."articleId" = ${p("articleId")}
            AND r."versionId" = ${p("versionId")} AND r."status" = 'open'
        ) o ON o."articleId" = a."id"
        WHERE a."id" = ${p("articleId")} AND a."teamId" = ${p("teamId")}`;

const placementCheck = composedOnce<CheckParam>(placementSelect);

type CreateParam = CheckParam | "start" | "end";

/**
 * A create's check: {@link placementSelect}, and `tagged`, the author's own
 * live claim on exactly these words in the round the new one would join (or
 * outside rounds, as it would be), which the create refuses. The verdict
 * picker changes that claim instead (components/claims/same-words.ts); this
 * is what holds when two tabs, or a page that had not yet heard of the first
 * tag, send the same words again. Claims of other rounds are not counted: in
 * a blind round the author sees only that round's own.
 */
const createSelect = (p: (name: CreateParam) => unknown) => Prisma.sql`
        SELECT c."live" AS "live", c."current" AS "current", c."roundId" AS "roundId", c."submittedAt" AS "submittedAt",
          c."claims" AS "claims",
          (SELECT x."id" FROM "Annotation" x
           WHERE x."versionId" = ${p("versionId")} AND x."start" = ${p("start")} AND x."end" = ${p("end")}
             AND x."authorId" = ${p("authorId")} AND x."deletedAt" IS NULL AND x."anchorState" <> 'orphaned'
             AND x."roundId" IS NOT DISTINCT FROM c."roundId"
           LIMIT 1) AS "tagged"
        FROM (${placementSelect(p)}) c`;

const createCheck = composedOnce<CreateParam>(createSelect);

/** The new row's columns; `roundId` is what the check found. */
const COLUMNS = [
  "id",
  "teamId",
  "articleId",
  "versionId",
  "authorId",
  "start",
  "end",
  "exact",
  "prefix",
  "suffix",
  "verdict",
  "rationaleHtml",
  "roundId",
  "speaker",
  "firstAppearanceUrl",
  "firstAppearanceDate",
  "createdAt",
  "updatedAt",
] as const;
type Column = (typeof COLUMNS)[number];
const columnList = Prisma.raw(COLUMNS.map((c) => `"${c}"`).join(", "));

/** The insert once the check has passed (SQLite, and PostgreSQL's explaining path). */
const plainInsert = composedOnce<Column>(
  (p) => Prisma.sql`INSERT INTO "Annotation" (${columnList}) VALUES (${Prisma.join(COLUMNS.map((c) => p(c)))})`,
);

/**
 * PostgreSQL's create as one statement ({@link checkedWrite}): the check of
 * {@link placementSelect}, the annotation inserted where it passes, in the
 * round it found, and its audit row with that round in `after`. Returns the
 * row's `roundId`, or no row if it wrote nothing.
 */
const checkedInsert = composedOnce<Exclude<Column, "roundId"> | CreateParam | AuditParam | "cap">(
  (p) => Prisma.sql`
    WITH c AS (${createSelect(p)}),
    ins AS (
      INSERT INTO "Annotation" (${columnList})
      SELECT ${Prisma.join(COLUMNS.map((col) => (col === "roundId" ? Prisma.sql`c."roundId"` : p(col))))} FROM c
      WHERE c."live" AND c."current" AND (c."roundId" IS NULL OR c."submittedAt" IS NULL) AND c."tagged" IS NULL
        AND c."claims" < ${p("cap")}
      RETURNING "roundId"
    ),
    aud AS (${auditInsertFrom(
      p,
      "ins",
      Prisma.sql`jsonb_set(CAST(${p("audit_after")} AS jsonb), '{roundId}', COALESCE(to_jsonb("ins"."roundId"), 'null'::jsonb))`,
    )})
    SELECT "roundId" FROM ins`,
);

/**
 * Inserts an annotation and its audit event in one transaction, after
 * checking, in that same transaction, where the annotation goes:
 * - the article is still live and `versionId` is still its newest version
 *   (else 409 naming `versionId`: a correction was saved meanwhile, and an
 *   annotation on the old text would vanish from every list);
 * - the author's open (blind) round on that version, if any, becomes its
 *   round (403 if they have submitted their review);
 * - the author has no live claim on exactly these words in that round
 *   ({@link createSelect}; else {@link AlreadyTagged}, a 409 that
 *   create-claim.ts answers with that claim);
 * - the article holds fewer than CLAIMDESK_MAX_CLAIMS_PER_ARTICLE rows
 *   (409 otherwise; see {@link annotationCount}).
 * Checked before the transaction, a round started or a correction saved in
 * between put the annotation outside the round or on an old version; the
 * PostgreSQL row lock (FOR SHARE on the article) makes it wait for, or be
 * waited for by, start-round.ts and correct-article.ts, which take that row.
 * The same statement takes a transaction lock on the author and version
 * ({@link createLock}), so two creates of one author's on one version take
 * turns and the second sees the first's words as tagged (on SQLite, writers
 * take turns anyway).
 *
 * It is the hottest write, so it runs on the direct-SQL path
 * (lib/db/direct-sql.ts says why); tests/integration read its rows back
 * through Prisma on both databases. On SQLite the check is one statement
 * inside the write transaction, which costs microseconds. On PostgreSQL the
 * whole create is one message (lock, then {@link checkedInsert}, whose WHERE
 * is the check); only when that writes nothing does the check run again, on
 * its own, to say why (or to write, if the state changed meanwhile).
 *
 * `id` defaults to a fresh cuid, as Prisma's default makes; a client-made one
 * (create-claim.ts) makes a retried create fail on the primary key, which
 * rolls back both inserts. Resolves to the row as a claim read selects it
 * (claimSelect), less its author, which the caller has.
 */
export async function insertAnnotation(
  a: NewAnnotation,
  audit: Omit<AuditInput, "objectId" | "objectType" | "before" | "after">,
  id: string = newId(),
): Promise<Omit<ClaimRow, "author">> {
  const now = new Date();
  const cap = limits().CLAIMDESK_MAX_CLAIMS_PER_ARTICLE;
  const place = { versionId: a.versionId, authorId: a.authorId, teamId: a.teamId, articleId: a.articleId };
  const row = (roundId: string | null): Record<Column, unknown> => ({
    id,
    teamId: a.teamId,
    articleId: a.articleId,
    versionId: a.versionId,
    authorId: a.authorId,
    start: a.start,
    end: a.end,
    exact: a.exact,
    prefix: a.prefix,
    suffix: a.suffix,
    verdict: a.verdict,
    rationaleHtml: a.rationaleHtml,
    roundId,
    speaker: a.speaker ?? null,
    firstAppearanceUrl: a.firstAppearanceUrl ?? null,
    firstAppearanceDate: a.firstAppearanceDate ?? null,
    createdAt: now,
    updatedAt: now,
  });
  const auditOf = (roundId: string | null) => ({ ...audit, objectType: "annotation", objectId: id, after: { id, ...a, roundId } });
  const lock = createLock(a.articleId, a.authorId, a.versionId);

  // On PostgreSQL the whole create is one message when the check passes (the usual case); `decide` explains a refusal.
  const done = await checkedWrite<Placement, { roundId: string | null }>(
    createCheck({ ...place, start: a.start, end: a.end }),
    (found) => {
      const refused = placementRefusal(found, cap, 1, "your claim was not saved. Select the text again in the current version.");
      if (refused) throw refused;
      if (found!.tagged != null) throw new AlreadyTagged(found!.tagged);
      const roundId = found!.roundId ?? null;
      return [plainInsert(row(roundId)), auditInsert(auditOf(roundId), now)];
    },
    lock,
    () => checkedInsert({ ...row(null), ...place, ...auditParams(auditOf(null), now), cap }),
  );
  const roundId = "written" in done ? done.written.roundId : (done.checked?.roundId ?? null);
  return {
    id,
    articleId: a.articleId,
    versionId: a.versionId,
    authorId: a.authorId,
    ...anchorFields(a),
    verdict: a.verdict,
    rationaleHtml: a.rationaleHtml,
    speaker: a.speaker ?? null,
    firstAppearanceUrl: a.firstAppearanceUrl ?? null,
    firstAppearanceDate: a.firstAppearanceDate ?? null,
    status: "draft",
    version: 1,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    roundId,
    // The check read the round as open inside this transaction.
    round: roundId ? { status: "open" } : null,
    anchorState: "anchored",
    anchorScore: null,
    _count: { evidenceLinks: 0 },
  };
}

/** The article's row, held FOR SHARE on PostgreSQL: a round start and a correction take it (FOR UPDATE) before they write. */
const articleLock = (articleId: string) => sql`SELECT 1 FROM "Article" WHERE "id" = ${articleId} FOR SHARE`;

/**
 * A create's lock on PostgreSQL, in one statement: the article's row as
 * {@link articleLock} takes it, and a transaction-level advisory lock on the
 * author and version (class 1 of the two-key form; Prisma's migration lock
 * is a one-key lock, class 0), which creates of other authors never wait for.
 * An advisory lock writes nothing, so it costs no WAL.
 */
const createLock = (articleId: string, authorId: string, versionId: string) =>
  sql`SELECT pg_advisory_xact_lock(1, hashtext(${`${authorId}:${versionId}`})) FROM "Article" WHERE "id" = ${articleId} FOR SHARE`;

/**
 * The author has tagged exactly these words already (in the round the claim
 * would join): a 409 that create-claim.ts answers with that claim, so the
 * page can open it instead of keeping a second tag.
 */
export class AlreadyTagged extends AppError {
  constructor(readonly claimId: string) {
    super("CONFLICT", "You tagged these words already.");
  }
}

/** Where new annotations by `authorId` on `versionId` go, as {@link placementSelect} reads it. */
export type Placement = {
  live: unknown;
  current: unknown;
  roundId: string | null;
  submittedAt: unknown;
  claims: unknown;
  tagged?: string | null;
};

/**
 * Why `adding` new annotations may not go where `found` says, or null: the
 * article is gone (404); `versionId` is no longer its newest version (409
 * naming it: a correction was saved meanwhile); the author's round is
 * submitted (403); or the article has no room for them under the cap (409).
 * `whatNow`, in the 409 of a correction, says what became of the user's work and what to do.
 */
export function placementRefusal(found: Placement | undefined, cap: number, adding: number, whatNow: string): AppError | null {
  if (!found || !truthy(found.live)) return new AppError("NOT_FOUND", "Article not found.");
  if (!truthy(found.current)) {
    return new AppError("CONFLICT", `The article was corrected while you worked: ${whatNow}`, { field: "versionId" });
  }
  if (found.roundId && found.submittedAt != null)
    return new AppError("FORBIDDEN", "Your review is submitted. Reopen it to add annotations.");
  if (Number(found.claims) + adding > cap) return claimsQuotaReached(cap);
  return null;
}

/**
 * The check a claim's insert makes ({@link placementSelect}), for writes that
 * add annotations in a Prisma interactive transaction of their own (the W3C
 * import): it first takes the article's row as the insert does (PostgreSQL;
 * SQLite's transactions begin IMMEDIATE, one writer at a time), so a round
 * start or a correction either committed before this read or waits for the
 * caller's commit.
 */
export async function placementIn(tx: Pick<Db, "$queryRaw">, place: Record<CheckParam, string>): Promise<Placement | undefined> {
  if (pgPool) {
    const lock = articleLock(place.articleId);
    await tx.$queryRaw(lock.strings, ...lock.values);
  }
  const check = placementCheck(place);
  return (await tx.$queryRaw<Placement[]>(check.strings, ...check.values))[0];
}

/**
 * How many annotations the article holds, deleted ones too (what the cap
 * counts): the sum of its rows in "ArticleAnnotationCount", which triggers
 * keep on both databases (their migrations, *_annotation_count, say how). One
 * row per article on SQLite, whose writers take turns anyway; up to 16 on
 * PostgreSQL (a slotted counter), so creates on one article do not wait for
 * each other's commit. Counting the article's index entries instead cost
 * 0.5-0.7 ms of every create at 1,000-1,600 claims on PostgreSQL, 0.2 ms on
 * SQLite, and grew with the article.
 */
function annotationCount(p: (name: "articleId") => unknown): Prisma.Sql {
  return Prisma.sql`COALESCE((SELECT SUM(n."n") FROM "ArticleAnnotationCount" n WHERE n."articleId" = ${p("articleId")}), 0)`;
}

/** The 409 for an article at CLAIMDESK_MAX_CLAIMS_PER_ARTICLE (also used by the W3C import). */
export const claimsQuotaReached = (cap: number) =>
  new AppError(
    "CONFLICT",
    `This article has reached its limit of ${cap.toLocaleString("en-US")} claims. Ask an admin to raise CLAIMDESK_MAX_CLAIMS_PER_ARTICLE if the desk really needs more.`,
  );
