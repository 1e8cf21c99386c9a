import { createHash } from "node:crypto";
import { Prisma } from "@/generated/sqlite";
import { db, pgPool, type Db } from "@/lib/db";
import { signatureOf } from "@/lib/assist/match-claims";
import { termText } from "@/lib/assist/terms";
import { isUniqueViolation } from "@/lib/db/busy-retry";
import { lockTeam } from "@/lib/server/team/lock-team";
import { teamAliases } from "./team-aliases";
import { analyzeOffThread } from "./analyze-off-thread";
import type { SentenceAnalysis } from "@/lib/assist/analyze-text";
import type { Alias } from "@/lib/assist/aliases";

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
 * stored, so it runs once per version. A request for suggestions answers from
 * the analysis and the rows are written after it (articleSentences); the
 * related search waits for the write (ensureArticleIndexed). Bump ASSIST_ENGINE when the analysis
 * changes: older rows are then analysed again on their next use.
 */
export const ASSIST_ENGINE = 1;

/** The term every sentence of a team carries, so the full-text query stays inside the team. */
export const teamTerm = (teamId: string) => `team${termText(teamId)}`;

export const isPostgres = () => !!pgPool;

export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

const asJson = (value: unknown) => JSON.parse(JSON.stringify(value)) as Prisma.InputJsonValue;

/** The current version of a live article of the team, or null. */
async function currentVersion(teamId: string, articleId: string, client: Pick<Db, "articleVersion"> = db) {
  return client.articleVersion.findFirst({
    where: { articleId, article: { teamId, deletedAt: null } },
    orderBy: { number: "desc" },
    select: { id: true, text: true },
  });
}

/** One AssistSentence row as written. */
type IndexRow = ReturnType<typeof toRows>[number];

/** The rows of one analysed version (JSON members as stored, so an answer from them equals one read back). */
function toRows(teamId: string, articleId: string, versionId: string, sentences: SentenceAnalysis[]) {
  return sentences.map((s) => {
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
}

/**
 * A version being indexed in this process: its analysis (what a first request answers from) and the
 * write of its rows (what the related search waits for). Concurrent requests share one job, so a version
 * is analysed and written once however many first requests race.
 */
type Job = { rows: Promise<IndexRow[]>; written: Promise<void> };
const pending = new Map<string, Job>();

/**
 * Index writes run one at a time per process (SQLite has one writer anyway), each within the
 * transaction's timeout. While more than MAX_PENDING versions are being indexed in this process, a
 * request for suggestions waits for its own write instead of answering first, so a burst of first
 * requests cannot pile up unwritten analyses in memory.
 */
const MAX_PENDING = 8;
let writeChain: Promise<unknown> = Promise.resolve();

function startJob(teamId: string, articleId: string, versionId: string, text: string): Job {
  const aliases = teamAliases(teamId);
  const rows = aliases.then(async (a) => toRows(teamId, articleId, versionId, await analyzeOffThread(text, a)));
  const written = rows
    .then(async (r) => {
      const turn = writeChain.then(async () => writeIndex(teamId, articleId, versionId, r, await aliases));
      writeChain = turn.catch(() => undefined);
      await turn;
    })
    // Another app instance may index the same version at once: its rows win, ours roll back on the unique key.
    .catch((e) => (isUniqueViolation(e) ? undefined : Promise.reject(e)))
    .finally(() => pending.delete(versionId));
  // Logged here once, whoever waits (or nobody: a first request answered before the write). Not lost either:
  // the version stays unindexed, so its next use (or the team backfill) analyses and writes it again.
  written.catch((e) => console.error(`Claim assistance: indexing version ${versionId} failed; it is indexed again on its next use`, e));
  const job = { rows, written };
  pending.set(versionId, job);
  return job;
}

/** The article's current version and, unless it is indexed by the current analysis, the job indexing it. */
async function versionJob(teamId: string, articleId: string) {
  const version = await currentVersion(teamId, articleId);
  if (!version) return null;
  const state = await db.assistIndexState.findUnique({ where: { versionId: version.id }, select: { engine: true } });
  if (state?.engine === ASSIST_ENGINE) return { versionId: version.id, job: null };
  return { versionId: version.id, job: pending.get(version.id) ?? startJob(teamId, articleId, version.id, version.text) };
}

/**
 * Makes sure the article's current version is analysed and indexed (written). Returns
 * its id, or null for a missing or deleted article (or another team's).
 */
export async function ensureArticleIndexed(teamId: string, articleId: string): Promise<string | null> {
  const found = await versionJob(teamId, articleId);
  if (!found) return null;
  await found.job?.written;
  return found.versionId;
}

/**
 * Waits for the index write of the version when this process has one under way (a decision on a
 * suggestion that a first request answered before its write); rejects as that write did.
 */
export async function versionWritten(versionId: string): Promise<void> {
  await pending.get(versionId)?.written;
}

/** What suggestions read of a version's sentences, in text order. */
export type VersionSentence = Pick<IndexRow, "start" | "end" | "text" | "features" | "speaker">;

/**
 * The sentences of the article's current version, for suggestions: from the index, or, for a version not
 * indexed yet, from its analysis as soon as it is done; the index is then written after the answer
 * (one write at a time; a bounded number waiting). The answer is the same either way. Null for a missing
 * or deleted article (or another team's).
 */
export async function articleSentences(
  teamId: string,
  articleId: string,
): Promise<{ versionId: string; sentences: VersionSentence[] } | null> {
  const found = await versionJob(teamId, articleId);
  if (!found) return null;
  const { versionId, job } = found;
  if (!job) {
    const sentences = await db.assistSentence.findMany({
      where: { teamId, versionId },
      select: { start: true, end: true, text: true, features: true, speaker: true },
      orderBy: { ordinal: "asc" },
    });
    return { versionId, sentences: sentences as VersionSentence[] };
  }
  if (pending.size > MAX_PENDING) await job.written;
  const rows = await job.rows;
  return { versionId, sentences: rows.map(({ start, end, text, features, speaker }) => ({ start, end, text, features, speaker })) };
}

/** Resolves once this process has no index write waiting or running (tests and benches wait on it). */
export async function indexWritesSettled(): Promise<void> {
  while (pending.size) await Promise.allSettled([...pending.values()].map((j) => j.written));
}

const sameAliases = (a: Alias[], b: Alias[]) =>
  a.length === b.length && a.every((x, i) => x.alias === b[i]!.alias && x.canonical === b[i]!.canonical);

/**
 * Replaces the article's sentences in the index with `rows`, with the team's statistics, in one
 * transaction; nothing when that would be stale or twice: the version is indexed already (another
 * request or instance wrote it), is no longer the article's current one (a correction, a delete), or
 * the team's aliases changed since the analysis (an alias change drops the index; the next use
 * analyses again).
 */
async function writeIndex(teamId: string, articleId: string, versionId: string, rows: IndexRow[], aliases: Alias[]): Promise<void> {
  await db.$transaction(async (tx) => {
    // Serializes with dropTeamIndex (an alias change): on PostgreSQL's READ COMMITTED a drop could otherwise
    // miss rows this transaction has not committed yet, and the checks below could read aliases from before it.
    await lockTeam(tx, teamId);
    const state = await tx.assistIndexState.findUnique({ where: { versionId }, select: { engine: true } });
    if (state?.engine === ASSIST_ENGINE) return;
    if ((await currentVersion(teamId, articleId, tx))?.id !== versionId) return;
    if (!sameAliases(aliases, await teamAliases(teamId, tx))) return;
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
    await lockTeam(tx, teamId);
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
