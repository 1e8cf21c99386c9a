/**
 * Creating a claim decides its round and checks its
 * version in the insert's own transaction, so a round started or a correction
 * saved between the create's reads and its insert cannot put the annotation
 * outside the round or on an old version. Also the claims-per-article quota,
 * checked in the same place.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/db/database-url";
import { createClaim } from "@/lib/server/claims/create-claim";
import { startRound } from "@/lib/server/reviews/start-round";
import { submitReview } from "@/lib/server/reviews/submit-review";
import { correctArticle } from "@/lib/server/articles/correct-article";
import { DEFAULT_LIMITS, limits } from "@/lib/quotas/limits";
import { makeDesk } from "../support/actors";
import { errorCode } from "../support/error-code";
import { ONE_MESSAGE, transactionMessages } from "../support/pg-messages";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { importW3c } from "@/lib/server/reports/import-w3c";

const onPostgres = databaseKind(process.env.DATABASE_URL!) === "postgres";

/** A span of the desk's text, as the client would send it. */
function span(desk: Awaited<ReturnType<typeof makeDesk>>, phrase = "Stoltenberg met Yoon") {
  const start = desk.version.text.indexOf(phrase);
  return { versionId: desk.version.id, start, end: start + phrase.length, verdict: "disputed" as const };
}

/** The desk's editor starts a round of `reviewerIds` (its reviewer) on the article; resolves to the round's id. */
async function startReviewersRound(desk: Awaited<ReturnType<typeof makeDesk>>, reviewerIds = [desk.reviewer.id]) {
  const round = await startRound(await viewerOf(desk.editor), { articleId: desk.article.id, reviewerIds, adjudicatorId: desk.editor.id });
  return round.id;
}

describe("a claim created while a round starts or a correction is saved", () => {
  it("lands in the round that started between the create's reads and its insert", async () => {
    const desk = await makeDesk(db);
    let roundId = "";
    const claim = await createClaim(desk.reviewer, desk.article.id, span(desk), {
      beforeInsert: async () => void (roundId = await startReviewersRound(desk)),
    });
    expect(roundId).not.toBe("");
    expect(claim.roundId).toBe(roundId);
    const row = await db.annotation.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.roundId).toBe(roundId);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: claim.id, action: "claim.create" } });
    expect((audit.after as { roundId: string }).roundId).toBe(roundId);
  });

  it("is refused with 409 naming versionId when a correction was saved in between, and nothing is left on the old version", async () => {
    const desk = await makeDesk(db);
    const result = await errorCode(
      createClaim(desk.editor, desk.article.id, span(desk), {
        beforeInsert: async () => {
          await correctArticle(desk.editor, desk.article.id, {
            version: 1,
            text: `${desk.version.text}\nA paragraph added by a correction.`,
          });
        },
      }),
    );
    expect(result).toBe("409:versionId");
    expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(0);
    expect(await db.auditEvent.count({ where: { teamId: desk.team.id, action: "claim.create" } })).toBe(0);
    // On the current version the same span saves.
    const current = await db.articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id }, orderBy: { number: "desc" } });
    const saved = await createClaim(desk.editor, desk.article.id, { ...span(desk), versionId: current.id });
    expect(saved.versionId).toBe(current.id);
  });

  it("is refused with 403 when the reviewer submitted their review in between", async () => {
    const desk = await makeDesk(db);
    const roundId = await startReviewersRound(desk, [desk.reviewer.id, desk.reviewer2.id]);
    const result = await errorCode(
      createClaim(desk.reviewer, desk.article.id, span(desk), {
        beforeInsert: async () => void (await submitReview(await viewerOf(desk.reviewer), roundId)),
      }),
    );
    expect(result).toBe("403:");
    expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(0);
  });

  it("lets one of an author's concurrent tags of the same words through, and answers the others 409 with it", async () => {
    const desk = await makeDesk(db);
    const tries = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        createClaim(desk.reviewer, desk.article.id, { ...span(desk), verdict: i % 2 ? "verified" : "disputed", clientId: randomUUID() }),
      ),
    );
    const saved = tries.flatMap((t) => (t.status === "fulfilled" ? [t.value] : []));
    expect(saved).toHaveLength(1);
    const refusals = tries.flatMap((t) => (t.status === "rejected" ? [t.reason as { status: number; current: { id: string } }] : []));
    expect(refusals.map((e) => [e.status, e.current.id])).toEqual(Array.from({ length: 5 }, () => [409, saved[0]!.id]));
    expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { teamId: desk.team.id, action: "claim.create" } })).toBe(1);
  });

  it.runIf(onPostgres)("(PostgreSQL) waits for a round start whose transaction is still open, then lands in its round", async () => {
    const desk = await makeDesk(db);
    let created: ReturnType<typeof createClaim> | undefined;
    const roundId = await whileRoundStartHeld(desk, () => (created = createClaim(desk.reviewer, desk.article.id, span(desk))));
    const claim = await created!;
    expect(claim.roundId).toBe(roundId);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: claim.id } })).roundId).toBe(roundId);
  });
});

describe("a W3C import while a round starts, a review is submitted, a correction is saved or claims are added", () => {
  /** One annotation of `phrase`, disputed, linking one new source at `url`. */
  const annotation = (phrase: string, url: string) => ({
    type: "Annotation",
    body: [
      { type: "TextualBody", purpose: "tagging", value: "Disputed" },
      { type: "SpecificResource", purpose: "linking", source: { id: url, type: "Text", title: "A source" } },
    ],
    target: { source: "x", selector: { type: "TextQuoteSelector", exact: phrase } },
  });
  const input = [annotation("Stoltenberg met Yoon", "https://evidence.example/a"), annotation("about NATO", "https://evidence.example/b")];
  const BASE = "http://claimdesk.test";

  /** Nothing of the import was written: no annotation, no library item, no link, no audit row. */
  async function nothingImported(desk: Awaited<ReturnType<typeof makeDesk>>, annotations = 0) {
    expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(annotations);
    expect(await db.evidenceItem.count({ where: { teamId: desk.team.id } })).toBe(0);
    expect(await db.evidenceLink.count({ where: { teamId: desk.team.id } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { teamId: desk.team.id, action: { in: ["claim.import", "evidence.create", "evidence.link"] } } }),
    ).toBe(0);
  }

  it("is refused with 409 naming versionId when a correction was saved meanwhile, writes nothing, and imports onto the new version again", async () => {
    const desk = await makeDesk(db);
    const result = await errorCode(
      importW3c(await viewerOf(desk.editor), desk.article.id, input, BASE, {
        beforeWrite: async () => {
          await correctArticle(desk.editor, desk.article.id, {
            version: 1,
            text: `${desk.version.text}\nA paragraph added by a correction.`,
          });
        },
      }),
    );
    expect(result).toBe("409:versionId");
    await nothingImported(desk);
    const again = await importW3c(await viewerOf(desk.editor), desk.article.id, input, BASE);
    expect(again.imported).toHaveLength(2);
    const current = await db.articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id }, orderBy: { number: "desc" } });
    const rows = await db.annotation.findMany({ where: { articleId: desk.article.id }, select: { versionId: true } });
    expect(rows).toEqual([{ versionId: current.id }, { versionId: current.id }]);
  });

  it("is refused with 409 when a round assigned to the importer started meanwhile (it judged duplicates outside it), then imports into the round", async () => {
    const desk = await makeDesk(db);
    let roundId = "";
    const result = await errorCode(
      importW3c(await viewerOf(desk.reviewer), desk.article.id, input, BASE, {
        beforeWrite: async () => void (roundId = await startReviewersRound(desk)),
      }),
    );
    expect(result).toBe("409:");
    await nothingImported(desk);
    await importW3c(await viewerOf(desk.reviewer), desk.article.id, input, BASE);
    const rows = await db.annotation.findMany({ where: { articleId: desk.article.id }, select: { roundId: true } });
    expect(rows).toEqual([{ roundId }, { roundId }]);
  });

  it("is refused with 403 when the importer submitted their review meanwhile", async () => {
    const desk = await makeDesk(db);
    const roundId = await startReviewersRound(desk, [desk.reviewer.id, desk.reviewer2.id]);
    const result = await errorCode(
      importW3c(await viewerOf(desk.reviewer), desk.article.id, input, BASE, {
        beforeWrite: async () => void (await submitReview(await viewerOf(desk.reviewer), roundId)),
      }),
    );
    expect(result).toBe("403:");
    await nothingImported(desk);
  });

  it.runIf(onPostgres)("(PostgreSQL) waits for a round start whose transaction is still open, then refuses with 409", async () => {
    const desk = await makeDesk(db);
    let imported: ReturnType<typeof importW3c> | undefined;
    const reviewer = await viewerOf(desk.reviewer);
    await whileRoundStartHeld(desk, () => (imported = importW3c(reviewer, desk.article.id, input, BASE)));
    expect(await errorCode(imported!)).toBe("409:");
    await nothingImported(desk);
  });

  it("counts the article's claims in its own transaction: claims saved meanwhile that leave no room refuse it with the cap's 409", async () => {
    const cap = limits().CLAIMDESK_MAX_CLAIMS_PER_ARTICLE;
    const desk = await makeDesk(db);
    const first = await createClaim(desk.editor, desk.article.id, span(desk, "Seoul"));
    await fillArticle(desk.article.id, cap - 2);
    let error: unknown;
    await importW3c(await viewerOf(desk.editor), desk.article.id, input, BASE, {
      beforeWrite: async () => void (await createClaim(desk.reviewer, desk.article.id, span(desk, "Yoon"))),
    }).catch((e: unknown) => (error = e));
    expect(error).toMatchObject({ status: 409, message: expect.stringContaining(cap.toLocaleString("en-US")) });
    expect(first.id).toBeDefined();
    await nothingImported(desk, cap - 1);
  });
});

describe("(PostgreSQL) the create's transaction", () => {
  it.runIf(onPostgres)("is one message to the database: the article's lock, then the checked insert with its audit row", async () => {
    const desk = await makeDesk(db);
    // The first create on a connection prepares its statements; the pool may hand out any connection, so prepare on each.
    await Promise.all(
      ["Yoon", "Seoul", "NATO", "paragraph"].map((phrase) => createClaim(desk.editor, desk.article.id, span(desk, phrase))),
    );
    const { result: claim, messages } = await transactionMessages(() => createClaim(desk.reviewer, desk.article.id, span(desk)));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(ONE_MESSAGE);
    expect(messages[0]).toContain(`'${claim.id}'`);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: claim.id, action: "claim.create" } });
    expect(audit.after).toMatchObject({ id: claim.id, exact: "Stoltenberg met Yoon", roundId: null });
  });
});

describe("claims per article (CLAIMDESK_MAX_CLAIMS_PER_ARTICLE)", () => {
  it(`refuses the claim past the default of ${DEFAULT_LIMITS.CLAIMDESK_MAX_CLAIMS_PER_ARTICLE.toLocaleString("en-US")} rows with a 409 that names the limit`, async () => {
    const cap = limits().CLAIMDESK_MAX_CLAIMS_PER_ARTICLE;
    expect(cap).toBe(DEFAULT_LIMITS.CLAIMDESK_MAX_CLAIMS_PER_ARTICLE);
    const desk = await makeDesk(db);
    // Tombstones count: deleting and re-creating cannot get around the cap.
    await db.annotation.create({
      data: {
        teamId: desk.team.id,
        articleId: desk.article.id,
        versionId: desk.version.id,
        authorId: desk.editor.id,
        start: 0,
        end: 4,
        exact: "NATO",
        prefix: "",
        suffix: "",
        verdict: "verified",
        deletedAt: new Date(),
      },
    });
    await fillArticle(desk.article.id, cap - 1);
    const last = await createClaim(desk.editor, desk.article.id, span(desk));
    expect(last.id).toBeDefined();
    let error: unknown;
    await createClaim(desk.editor, desk.article.id, span(desk)).catch((e: unknown) => (error = e));
    expect(error).toMatchObject({ status: 409, message: expect.stringContaining(cap.toLocaleString("en-US")) });
    expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(cap);
  });
});

describe("the annotation count the cap reads (ArticleAnnotationCount, kept by triggers)", () => {
  /** The article's count as the create's check reads it: null when it has no row. */
  const counted = async (articleId: string) => {
    const [row] = await db.$queryRaw<{ n: number | bigint | null }[]>`
      SELECT SUM("n") AS "n" FROM "ArticleAnnotationCount" WHERE "articleId" = ${articleId}`;
    return row!.n === null ? null : Number(row!.n);
  };

  it("follows creates, raw inserts and hard deletes, keeps tombstones, and goes with its article", async () => {
    const desk = await makeDesk(db);
    const other = await makeDesk(db);
    expect(await counted(desk.article.id)).toBeNull();
    await createClaim(desk.editor, desk.article.id, span(desk));
    await createClaim(other.editor, other.article.id, span(other));
    await fillArticle(desk.article.id, 7);
    expect(await counted(desk.article.id)).toBe(7);
    expect(await counted(other.article.id)).toBe(1);

    const [first, second, third] = await db.annotation.findMany({ where: { articleId: desk.article.id }, take: 3 });
    await db.annotation.update({ where: { id: first!.id }, data: { deletedAt: new Date() } });
    expect(await counted(desk.article.id)).toBe(7);
    await db.annotation.deleteMany({ where: { id: { in: [second!.id, third!.id] } } });
    expect(await counted(desk.article.id)).toBe(5);
    expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(5);

    await db.article.delete({ where: { id: desk.article.id } });
    expect(await counted(desk.article.id)).toBeNull();
    expect(await counted(other.article.id)).toBe(1);
    const [{ n: orphans }] = await db.$queryRaw<{ n: number | bigint }[]>`
      SELECT COUNT(*) AS "n" FROM "ArticleAnnotationCount" WHERE "articleId" = ${desk.article.id}`;
    expect(Number(orphans)).toBe(0);
  });

  it("counts one statement's rows over several articles, and a delete over several", async () => {
    const a = await makeDesk(db);
    const b = await makeDesk(db);
    await createClaim(a.editor, a.article.id, span(a));
    await createClaim(b.editor, b.article.id, span(b));
    // One INSERT … SELECT copying both articles' claims twice over: one statement, two articles.
    for (const suffix of ["-x", "-y"]) {
      await db.$executeRaw`
        INSERT INTO "Annotation" ("id", "teamId", "articleId", "versionId", "authorId", "start", "end", "exact", "prefix", "suffix", "verdict", "createdAt", "updatedAt")
        SELECT "id" || ${suffix}, "teamId", "articleId", "versionId", "authorId", "start", "end", "exact", "prefix", "suffix", "verdict", "createdAt", "updatedAt"
        FROM "Annotation" WHERE "articleId" IN (${a.article.id}, ${b.article.id})`;
    }
    expect([await counted(a.article.id), await counted(b.article.id)]).toEqual([4, 4]);
    await db.annotation.deleteMany({ where: { articleId: { in: [a.article.id, b.article.id] }, id: { endsWith: "-y" } } });
    expect([await counted(a.article.id), await counted(b.article.id)]).toEqual([2, 2]);
    // Deleting the team takes its articles, their annotations and their counts.
    await db.team.delete({ where: { id: a.team.id } });
    expect([await counted(a.article.id), await counted(b.article.id)]).toEqual([null, 2]);
  });

  it("stays exact under concurrent creates on one article (on PostgreSQL, spread over slots)", async () => {
    const desk = await makeDesk(db);
    // Thirty different spans: one person's second tag of the same words is refused (claims.test.ts).
    const made = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        createClaim(i % 2 ? desk.editor : desk.reviewer, desk.article.id, { ...span(desk), start: i, end: i + 10 }),
      ),
    );
    expect(made).toHaveLength(30);
    expect(await db.annotation.count({ where: { articleId: desk.article.id } })).toBe(30);
    expect(await counted(desk.article.id)).toBe(30);
    if (onPostgres) {
      // Concurrent creates ran on several pooled connections, whose slots differ (they are the backend pids modulo 16).
      const [{ rows }] = await db.$queryRaw<{ rows: bigint }[]>`
        SELECT COUNT(*) AS "rows" FROM "ArticleAnnotationCount" WHERE "articleId" = ${desk.article.id}`;
      expect(Number(rows)).toBeGreaterThan(1);
    }
  });
});

/** Copies the article's annotation rows under new ids until it holds `total` (doubling: a few statements, not thousands). */
/**
 * Starts a round of the desk's reviewer as start-round.ts does (the article's row locked, the round inserted) and,
 * before committing, `start`s a write, then waits until that write is blocked on a lock this transaction holds
 * (observable in pg_stat_activity). Resolves to the round's id once committed. PostgreSQL only.
 */
async function whileRoundStartHeld(desk: Awaited<ReturnType<typeof makeDesk>>, start: () => Promise<unknown>) {
  return db.$transaction(
    async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "Article" WHERE "id" = ${desk.article.id} FOR UPDATE`;
      const round = await tx.reviewRound.create({
        data: {
          teamId: desk.team.id,
          articleId: desk.article.id,
          versionId: desk.version.id,
          createdById: desk.editor.id,
          adjudicatorId: desk.editor.id,
          assignments: { create: [{ reviewerId: desk.reviewer.id }] },
        },
      });
      // Not awaited: it waits for this transaction. Its rejection, if any, is the caller's to await.
      start().catch(() => {});
      await waitFor(async () => {
        const [row] = await db.$queryRaw<{ n: bigint }[]>`
          SELECT COUNT(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
        return Number(row!.n) > 0;
      });
      return round.id;
    },
    { timeout: 20_000 },
  );
}

async function fillArticle(articleId: string, total: number) {
  for (let round = 1; ; round++) {
    const missing = total - (await db.annotation.count({ where: { articleId } }));
    if (missing <= 0) return;
    await db.$executeRaw`
      INSERT INTO "Annotation" ("id", "teamId", "articleId", "versionId", "authorId", "start", "end", "exact", "prefix", "suffix", "verdict", "createdAt", "updatedAt", "deletedAt")
      SELECT "id" || ${`-${round}`}, "teamId", "articleId", "versionId", "authorId", "start", "end", "exact", "prefix", "suffix", "verdict", "createdAt", "updatedAt", "deletedAt"
      FROM "Annotation" WHERE "articleId" = ${articleId} LIMIT ${missing}`;
  }
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 10_000) {
  for (const until = Date.now() + timeoutMs; Date.now() < until;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("timed out waiting for the condition");
}
