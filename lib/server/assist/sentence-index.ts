import { createHash } from "node:crypto";
import { Prisma } from "@/generated/sqlite";
import { db, pgPool } from "@/lib/db";
import { signatureOf } from "@/lib/assist/match-claims";
import { termText } from "@/lib/assist/terms";
import { isUniqueViolation } from "@/lib/db/busy-retry";
import { teamAliases } from "./team-aliases";
import { analyzeOffThread } from "./analyze-off-thread";

/**
 * The sentence index of claim assistance: each live article's
 * current version, analysed once (lib/assist/analyze-text.ts) and stored as
 * AssistSentence rows, with the database's own full-text index over their
 * retrieval terms (SQLite FTS5 table AssistSentenceFts; PostgreSQL GIN index
 * on the generated column "termsTsv" = to_tsvector('simple', terms)) and the team's BM25 statistics
 * (AssistTermStat, AssistModel.sentences/terms).
 *
 * A version is analysed when first needed (its suggestions, a claim on it, the
 * team backfill of team-backfill.ts), not on import, so importing stays as it
 * was; analysis runs on a worker thread (analyze-off-thread.ts) and is
 * stored, so it runs once per version. Bump ASSIST_ENGINE when the analysis
 * changes: older rows are then analysed again on their next use.
 */
export const ASSIST_ENGINE = 1;

/** The term every sentence of a team carries, so the full-text query stays inside the team. */
export const teamTerm = (teamId: string) => `team${termText(teamId)}`;

export const isPostgres = () => !!pgPool;

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** The current version of a live article of the team, or null. */
async function currentVersion(teamId: string, articleId: string) {
  return db.articleVersion.findFirst({
    where: { articleId, article: { teamId, deletedAt: null } },
    orderBy: { number: "desc" },
    select: { id: true, text: true },
  });
}

/** Versions being indexed in this process, so concurrent requests share one analysis. */
const pending = new Map<string, Promise<void>>();

/**
 * Makes sure the article's current version is analysed and indexed. Returns
 * its id, or null for a missing or deleted article (or another team's).
 */
export async function ensureArticleIndexed(teamId: string, articleId: string): Promise<string | null> {
  const version = await currentVersion(teamId, articleId);
  if (!version) return null;
  const state = await db.assistIndexState.findUnique({ where: { versionId: version.id }, select: { engine: true } });
  if (state?.engine === ASSIST_ENGINE) return version.id;
  let job = pending.get(version.id);
  if (!job) {
    // Another app instance may index the same version at once: its rows win, ours roll back on the unique key.
    job = indexVersion(teamId, articleId, version.id, version.text)
      .catch((e) => (isUniqueViolation(e) ? undefined : Promise.reject(e)))
      .finally(() => pending.delete(version.id));
    pending.set(version.id, job);
  }
  await job;
  return version.id;
}

/** Analyses one version and replaces the article's sentences in the index, with the team's statistics, in one transaction. */
export async function indexVersion(teamId: string, articleId: string, versionId: string, text: string): Promise<void> {
  const sentences = await analyzeOffThread(text, await teamAliases(teamId));
  const rows = sentences.map((s) => {
    const { terms, ...signature } = signatureOf(s);
    return {
      id: `${versionId}:${s.ordinal}`,
      teamId,
      articleId,
      versionId,
      ordinal: s.ordinal,
      start: s.start,
      end: s.end,
      text: s.text,
      terms: [...terms, teamTerm(teamId)].join(" "),
      termCount: terms.length,
      // JSON as stored (no `undefined` members: the client refuses them under strictUndefinedChecks).
      signature: asJson(signature),
      features: asJson(s.features),
      speaker: s.speakers[0]?.name ?? null,
      ftsRowid: null as number | null,
    };
  });
  await db.$transaction(async (tx) => {
    const old = await tx.assistSentence.findMany({
      where: { teamId, articleId },
      select: { id: true, terms: true, termCount: true, ftsRowid: true },
    });
    const delta = new Map<string, number>();
    const count = (terms: string, by: number) => {
      for (const t of new Set(terms.split(" "))) if (t && t !== teamTerm(teamId)) delta.set(t, (delta.get(t) ?? 0) + by);
    };
    old.forEach((r) => count(r.terms, -1));
    rows.forEach((r) => count(r.terms, +1));
    if (old.length) {
      await tx.assistSentence.deleteMany({ where: { teamId, articleId } });
      const rowids = old.map((r) => r.ftsRowid).filter((x): x is number => x !== null);
      if (!isPostgres() && rowids.length)
        await tx.$executeRaw(Prisma.sql`DELETE FROM "AssistSentenceFts" WHERE rowid IN (${Prisma.join(rowids)})`);
    }
    await tx.assistIndexState.deleteMany({ where: { teamId, articleId } });
    if (!isPostgres() && rows.length) {
      // FTS5 rowids chosen here: Prisma's table has no stable integer key (VACUUM may renumber its implicit rowid).
      const [{ next }] = await tx.$queryRaw<{ next: number | bigint }[]>(
        Prisma.sql`SELECT coalesce(max(rowid), 0) + 1 AS "next" FROM "AssistSentenceFts"`,
      );
      const base = Number(next);
      rows.forEach((r, i) => (r.ftsRowid = base + i));
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200).map((r, k) => Prisma.sql`(${base + i + k}, ${r.terms}, ${r.id})`);
        await tx.$executeRaw(Prisma.sql`INSERT INTO "AssistSentenceFts" (rowid, "terms", "sentenceId") VALUES ${Prisma.join(chunk)}`);
      }
    }
    if (rows.length) await tx.assistSentence.createMany({ data: rows });
    const changes = [...delta].filter(([, d]) => d !== 0);
    for (let i = 0; i < changes.length; i += 300) {
      const values = changes.slice(i, i + 300).map(([term, d]) => Prisma.sql`(${teamId}, ${term}, ${d})`);
      await tx.$executeRaw(Prisma.sql`
        INSERT INTO "AssistTermStat" ("teamId", "term", "df") VALUES ${Prisma.join(values)}
        ON CONFLICT ("teamId", "term") DO UPDATE SET "df" = "AssistTermStat"."df" + excluded."df"`);
    }
    const dSentences = rows.length - old.length;
    const dTerms = rows.reduce((n, r) => n + r.termCount, 0) - old.reduce((n, r) => n + r.termCount, 0);
    await tx.assistModel.upsert({
      where: { teamId },
      create: { teamId, sentences: Math.max(0, dSentences), terms: Math.max(0, dTerms) },
      update: { sentences: { increment: dSentences }, terms: { increment: dTerms } },
    });
    await tx.assistIndexState.create({ data: { versionId, teamId, articleId, engine: ASSIST_ENGINE, sentences: rows.length } });
  });
}

/**
 * Drops the team's whole index (its aliases changed, so entity terms are
 * stale); every article is analysed again when next needed.
 */
export async function dropTeamIndex(teamId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!isPostgres()) {
      await tx.$executeRaw(Prisma.sql`
        DELETE FROM "AssistSentenceFts" WHERE rowid IN (SELECT "ftsRowid" FROM "AssistSentence" WHERE "teamId" = ${teamId} AND "ftsRowid" IS NOT NULL)`);
    }
    await tx.assistSentence.deleteMany({ where: { teamId } });
    await tx.assistIndexState.deleteMany({ where: { teamId } });
    await tx.assistTermStat.deleteMany({ where: { teamId } });
    await tx.assistModel.updateMany({ where: { teamId }, data: { sentences: 0, terms: 0 } });
  });
}
