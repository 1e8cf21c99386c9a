import { db } from "@/lib/db";
import { readRows, sql } from "@/lib/db/direct-sql";
import type { CorpusStats } from "@/lib/assist/bm25";
import { idf } from "@/lib/assist/bm25";
import type { Signature } from "@/lib/assist/match-claims";
import { isPostgres, teamTerm } from "./sentence-index";

/** A candidate sentence as the index stores it. */
export type IndexedSentence = {
  id: string;
  articleId: string;
  versionId: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  signature: Signature;
};

/** How many query terms go into the full-text query (the rarest ones), and how many candidates come back. */
export const QUERY_TERMS = 8;
export const CANDIDATES = 120;

/**
 * The team's BM25 statistics for these terms: sentence count, mean length and
 * document frequencies, from AssistModel and AssistTermStat (kept by
 * sentence-index.ts).
 */
export async function corpusStats(teamId: string, terms: string[]): Promise<CorpusStats> {
  const distinct = [...new Set(terms)];
  const [model, rows] = await Promise.all([
    db.assistModel.findUnique({ where: { teamId }, select: { sentences: true, terms: true } }),
    distinct.length ? db.assistTermStat.findMany({ where: { teamId, term: { in: distinct } }, select: { term: true, df: true } }) : [],
  ]);
  const df = new Map(rows.map((r) => [r.term, r.df]));
  const documents = model?.sentences ?? 0;
  return { documents, averageLength: documents ? (model?.terms ?? 0) / documents : 1, df: (t) => df.get(t) ?? 0 };
}

type Row = Omit<IndexedSentence, "signature"> & { terms: string; signature: unknown };

/** Whether more than one team has indexed sentences (checked once a minute per process). */
let shared: { value: boolean; at: number } | null = null;
async function indexIsShared(): Promise<boolean> {
  if (shared && performance.now() - shared.at < 60_000) return shared.value;
  const teams = await db.assistModel.count({ where: { sentences: { gt: 0 } } });
  shared = { value: teams > 1, at: performance.now() };
  return shared.value;
}

/**
 * Candidate sentences of the team's other articles for a claim, from the
 * database's own full-text index: the claim's rarest terms, OR-ed, inside the
 * team (its team term is AND-ed in), best first by the database's rank
 * (FTS5's bm25(); PostgreSQL's ts_rank). The caller re-ranks them with
 * lib/assist/match-claims.ts.
 */
export async function searchSentences(
  teamId: string,
  claim: Signature,
  stats: CorpusStats,
  excludeArticleId: string,
): Promise<IndexedSentence[]> {
  const terms = [...new Set(claim.terms)].sort((a, b) => idf(stats, b) - idf(stats, a)).slice(0, QUERY_TERMS);
  if (!terms.length) return [];
  const team = teamTerm(teamId);
  // The team's term in the query keeps other teams' sentences from crowding out this team's candidates; it
  // costs a pass over every sentence of the team (3-4 times the query on 200,000 sentences), so it is left
  // out while one team has the whole index. The join filters by team either way.
  const shared = await indexIsShared();
  let rows: Row[];
  if (isPostgres()) {
    const query = shared ? `${team} & (${terms.join(" | ")})` : terms.join(" | ");
    rows = await readRows<Row>(sql`
      SELECT s."id", s."articleId", s."versionId", s."start", s."end", s."text", s."speaker", s."terms", s."signature"
      FROM "AssistSentence" s
      WHERE s."termsTsv" @@ to_tsquery('simple', ${query}) AND s."teamId" = ${teamId} AND s."articleId" <> ${excludeArticleId}
      ORDER BY ts_rank(s."termsTsv", to_tsquery('simple', ${query})) DESC
      LIMIT ${CANDIDATES}`);
  } else {
    const any = terms.map((t) => `"${t}"`).join(" OR ");
    const match = shared ? `"${team}" AND (${any})` : any;
    rows = await readRows<Row>(sql`
      SELECT s."id", s."articleId", s."versionId", s."start", s."end", s."text", s."speaker", s."terms", s."signature"
      FROM (SELECT "sentenceId", rank FROM "AssistSentenceFts" WHERE "AssistSentenceFts" MATCH ${match} ORDER BY rank LIMIT ${CANDIDATES + 50}) f
      JOIN "AssistSentence" s ON s."id" = f."sentenceId"
      WHERE s."teamId" = ${teamId} AND s."articleId" <> ${excludeArticleId}
      ORDER BY f.rank`);
  }
  return rows.map((r) => {
    const signature = (typeof r.signature === "string" ? JSON.parse(r.signature) : r.signature) as Omit<Signature, "terms">;
    return {
      id: r.id,
      articleId: r.articleId,
      versionId: r.versionId,
      start: Number(r.start),
      end: Number(r.end),
      text: r.text,
      speaker: r.speaker,
      signature: { ...signature, terms: r.terms.split(" ").filter((t) => t !== team) },
    };
  });
}
