import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle, createTeam } from "@/seeds/factories";
import { deskRound } from "@/seeds/review-factories";
import { findArticlePage, listArticles } from "@/lib/server/articles/list-articles";
import { viewerOf } from "@/lib/server/visibility/viewer";
import type { CurrentUser } from "@/lib/auth/current-user";
import { updateArticleMeta } from "@/lib/server/articles/update-article-meta";
import { setArticleDeleted } from "@/lib/server/articles/delete-article";
import { getArticle } from "@/lib/server/articles/get-article";
import { listRounds } from "@/lib/server/reviews/list-rounds";
import { listQueue } from "@/lib/server/reviews/list-queue";
import { listArticlesSchema, type ListArticlesQuery } from "@/lib/schemas/article";
import { makeDesk, makeMember } from "../support/actors";
import { conflictCurrent, errorCode } from "../support/error-code";

const query = (q: Partial<Record<keyof ListArticlesQuery, string>> = {}) => listArticlesSchema.parse(q);
const ids = async (user: CurrentUser, q: Partial<Record<keyof ListArticlesQuery, string>> = {}) =>
  (await findArticlePage(await viewerOf(user), query(q))).items.map((a) => a.id);

describe("editing an article's details after saving", () => {
  let desk: Awaited<ReturnType<typeof makeDesk>>;
  beforeAll(async () => {
    desk = await makeDesk(db);
    await db.article.update({
      where: { id: desk.article.id },
      data: { metaSources: { title: "og:title", outlet: "JSON-LD NewsArticle publisher" } },
    });
  });

  it("changes the fields named, versions the row, marks them edited and audits before and after", async () => {
    const before = await getArticle(desk.editor, desk.article.id);
    const after = await updateArticleMeta(desk.editor, desk.article.id, {
      version: before.version,
      title: "A corrected headline",
      author: "Jane Doe",
    });
    expect(after).toMatchObject({ title: "A corrected headline", author: "Jane Doe", version: before.version + 1 });
    expect(after.metaSources).toEqual({ title: "editor", author: "editor", outlet: "JSON-LD NewsArticle publisher" });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: desk.article.id, action: "article.update" } });
    expect(audit).toMatchObject({
      actorId: desk.editor.id,
      before: { title: "Test article", author: null },
      after: { title: "A corrected headline", author: "Jane Doe" },
    });
    // Clearing a field: null.
    const cleared = await updateArticleMeta(desk.editor, desk.article.id, { version: after.version, author: null });
    expect(cleared.author).toBeNull();
    expect(cleared.metaSources).not.toHaveProperty("author");
    // The list and the full-text search see the new title.
    expect(await ids(desk.editor, { q: "corrected headline" })).toEqual([desk.article.id]);
  });

  it("refuses a stale version with the current article, a reviewer, and another team", async () => {
    const current = await getArticle(desk.editor, desk.article.id);
    expect(
      await conflictCurrent(updateArticleMeta(desk.editor, desk.article.id, { version: current.version - 1, title: "Stale" })),
    ).toMatchObject({
      id: desk.article.id,
      version: current.version,
      title: current.title,
    });
    expect(await errorCode(updateArticleMeta(desk.reviewer, desk.article.id, { version: current.version, title: "Reviewer" }))).toBe(
      "403:",
    );
    const other = await makeDesk(db);
    expect(await errorCode(updateArticleMeta(other.editor, desk.article.id, { version: current.version, title: "Stranger" }))).toBe("404:");
    expect((await getArticle(desk.editor, desk.article.id)).title).toBe(current.title);
  });
});

describe("deleting and restoring an article", () => {
  it("takes the article, its rounds and its queue entries out of every list; an admin lists and restores it; both audited", async () => {
    const desk = await makeDesk(db);
    const admin = await makeMember(db, desk.team, "admin");
    const round = await deskRound(db, { team: desk.team, version: desk.version, editor: desk.editor, reviewers: [desk.reviewer] });
    expect((await listRounds(await viewerOf(desk.editor))).map((r) => r.id)).toContain(round.id);
    expect((await listQueue(await viewerOf(desk.reviewer))).map((q) => q.roundId)).toContain(round.id);

    expect(await errorCode(setArticleDeleted(desk.reviewer, desk.article.id, 1, true))).toBe("403:");
    expect(await errorCode(setArticleDeleted(desk.editor, desk.article.id, 7, true))).toBe("409:");
    const gone = await setArticleDeleted(desk.editor, desk.article.id, 1, true);
    expect(gone).toMatchObject({ id: desk.article.id, version: 2, deletedAt: expect.any(String) });
    expect(await errorCode(getArticle(desk.editor, desk.article.id))).toBe("404:");
    expect((await listArticles(await viewerOf(desk.editor))).map((a) => a.id)).not.toContain(desk.article.id);
    expect((await listRounds(await viewerOf(desk.editor))).map((r) => r.id)).not.toContain(round.id);
    expect((await listQueue(await viewerOf(desk.reviewer))).map((q) => q.roundId)).not.toContain(round.id);
    // Still in the database, as a tombstone.
    expect(await db.article.findUniqueOrThrow({ where: { id: desk.article.id } })).toMatchObject({ deletedAt: expect.any(Date) });

    expect(await errorCode(findArticlePage(await viewerOf(desk.editor), query({ deleted: "1" })))).toBe("403:");
    expect(await ids(admin, { deleted: "1" })).toEqual([desk.article.id]);
    expect(await errorCode(setArticleDeleted(desk.editor, desk.article.id, 2, false))).toBe("403:");
    expect(await errorCode(setArticleDeleted(admin, desk.article.id, 2, true))).toBe("404:");
    await setArticleDeleted(admin, desk.article.id, 2, false);
    expect((await getArticle(desk.editor, desk.article.id)).version).toBe(3);
    expect((await listRounds(await viewerOf(desk.editor))).map((r) => r.id)).toContain(round.id);
    expect(
      (await db.auditEvent.findMany({ where: { objectId: desk.article.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action),
    ).toEqual(["article.delete", "article.restore"]);

    const other = await makeDesk(db);
    expect(await errorCode(setArticleDeleted(other.editor, desk.article.id, 3, true))).toBe("404:");
  });
});

describe("the article list", () => {
  let team: { id: string; name: string };
  let editor: Awaited<ReturnType<typeof makeMember>>;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    team = await createTeam(db);
    editor = await makeMember(db, team, "editor");
    const reviewer = await makeMember(db, team, "reviewer");
    const add = async (key: string, text: string, meta: Record<string, string | null>) => {
      const a = await createArticle(db, { team, text, meta });
      made[key] = a.id;
      return a;
    };
    await add("seoul", "Stoltenberg arrived in Seoul on Sunday.\nHe met Foreign Minister Park Jin.", {
      title: "NATO chief in Seoul",
      outlet: "Korea Herald",
      author: "Kim Min-jun",
      publishedDate: "2023-01-29",
    });
    const tokyo = await add("tokyo", "In Tokyo the NATO chief met Fumio Kishida.\nThey agreed to deepen cooperation.", {
      title: "Talks in Tokyo",
      outlet: "Japan Times",
      author: "Sato Kenta",
      publishedDate: "2023-01-31",
    });
    const budget = await add("budget", "The council approved a budget of $412 million.\nLibraries keep Sunday hours.", {
      title: "Council budget",
      outlet: "Riverside Ledger",
      author: "Maria Delgado",
      publishedDate: "2023-03-14",
    });
    await add("untitled", "Café owners in Montréal welcomed the rule.\nThe mayor said more was to come.", {
      title: null,
      outlet: "La Presse",
      author: null,
      publishedDate: null,
    });
    // Review states: an open round on Tokyo, a revealed one on the budget, a closed one on Seoul.
    await deskRound(db, { team, version: tokyo.versions[0]!, editor: editor, reviewers: [reviewer] });
    const revealed = await deskRound(db, { team, version: budget.versions[0]!, editor: editor, reviewers: [reviewer] });
    await db.reviewRound.update({ where: { id: revealed.id }, data: { status: "revealed" } });
    const seoul = await db.articleVersion.findFirstOrThrow({ where: { articleId: made.seoul } });
    const closed = await deskRound(db, { team, version: seoul, editor: editor, reviewers: [reviewer] });
    await db.reviewRound.update({ where: { id: closed.id }, data: { status: "closed" } });
    // Claims: two on the budget (one disputed, made outside a round), one deleted on Seoul.
    const claim = (articleId: string, versionId: string, verdict: "verified" | "disputed", deletedAt: Date | null = null) =>
      db.annotation.create({
        data: {
          teamId: team.id,
          articleId,
          versionId,
          authorId: editor.id,
          start: 0,
          end: 3,
          exact: "The",
          prefix: "",
          suffix: " ",
          verdict,
          deletedAt,
        },
      });
    await claim(made.budget!, budget.versions[0]!.id, "disputed");
    await claim(made.budget!, budget.versions[0]!.id, "verified");
    await claim(made.seoul!, seoul.id, "verified", new Date());
  });

  it("searches title, outlet, author and every word of the text, by prefix, accents folded", async () => {
    expect(await ids(editor, { q: "Kishida" })).toEqual([made.tokyo]);
    expect(await ids(editor, { q: "stolten" })).toEqual([made.seoul]);
    expect(await ids(editor, { q: "riverside" })).toEqual([made.budget]);
    expect(await ids(editor, { q: "Maria Delgado" })).toEqual([made.budget]);
    expect(await ids(editor, { q: "montreal cafe" })).toEqual([made.untitled]);
    expect(await ids(editor, { q: "NATO chief" })).toEqual([made.tokyo, made.seoul]);
    expect(await ids(editor, { q: '"; DROP TABLE Article; --' })).toEqual([]);
    expect(await ids(editor, { q: "'&:*|!" })).toHaveLength(4);
    // Another team's articles never match.
    const other = await makeDesk(db, "Kishida and Stoltenberg in Tokyo.");
    expect(await ids(other.editor, { q: "Kishida" })).toEqual([other.article.id]);
  });

  it("filters by outlet, published dates, review state and disputed claims", async () => {
    expect(await ids(editor, { outlet: "japan times" })).toEqual([made.tokyo]);
    expect(await ids(editor, { from: "2023-01-30", to: "2023-02-28" })).toEqual([made.tokyo]);
    expect(await ids(editor, { review: "open" })).toEqual([made.tokyo]);
    expect(await ids(editor, { review: "awaiting" })).toEqual([made.budget]);
    expect(await ids(editor, { review: "adjudicated" })).toEqual([made.seoul]);
    expect(await ids(editor, { review: "none" })).toEqual([made.untitled]);
    expect(await ids(editor, { disputed: "1" })).toEqual([made.budget]);
  });

  it("sorts by date, title and claim count, pages, and counts what matches", async () => {
    expect(await ids(editor)).toEqual([made.budget, made.tokyo, made.seoul, made.untitled]);
    expect(await ids(editor, { dir: "asc" })).toEqual([made.seoul, made.tokyo, made.budget, made.untitled]);
    // Untitled articles last: they have no title to sort by.
    expect(await ids(editor, { sort: "title" })).toEqual([made.budget, made.seoul, made.tokyo, made.untitled]);
    const byClaims = await findArticlePage(await viewerOf(editor), query({ sort: "claims" }));
    expect(byClaims.items[0]).toMatchObject({ id: made.budget, claimCount: 2, hasDisputed: true, reviewState: "awaiting" });
    expect(byClaims.items.find((a) => a.id === made.seoul)).toMatchObject({
      claimCount: 0,
      reviewState: "adjudicated",
      hasDisputed: false,
    });
    const untitled = byClaims.items.find((a) => a.id === made.untitled)!;
    expect(untitled).toMatchObject({ untitled: true, title: "Café owners in Montréal welcomed the rule." });
    const second = await findArticlePage(await viewerOf(editor), query({ pageSize: "3", page: "2" }));
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(second.items.map((a) => a.id)).toEqual([made.untitled]);
    expect(await findArticlePage(await viewerOf(editor), query({ pageSize: "3", page: "9" }))).toMatchObject({ total: 4, items: [] });
  });
});
