-- Full-text search over articles (issue 13): title, outlet, author and the
-- current version's text, in an FTS5 index kept up to date by triggers.
-- Hand-written: Prisma's schema has no full-text type. The tables are not in
-- prisma/models.prisma, so `npm run db:diff` (schema to schema) never sees them.
--
-- FTS5 rows need an integer rowid, and an Article's own rowid may change on
-- VACUUM (its key is text), so "ArticleSearchKey" gives each article a stable one.
-- The index is contentless (the text lives in ArticleVersion already) with
-- contentless_delete, so a row is replaced by DELETE + INSERT.

CREATE TABLE "ArticleSearchKey" (
    "rowid" INTEGER NOT NULL PRIMARY KEY,
    "articleId" TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE "ArticleSearch" USING fts5(
    "title", "outlet", "author", "body",
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER "Article_search_insert" AFTER INSERT ON "Article" BEGIN
    INSERT INTO "ArticleSearchKey" ("articleId") VALUES (NEW."id");
    INSERT INTO "ArticleSearch" ("rowid", "title", "outlet", "author", "body")
    SELECT k."rowid", COALESCE(NEW."title", ''), COALESCE(NEW."outlet", ''), COALESCE(NEW."author", ''), ''
    FROM "ArticleSearchKey" k WHERE k."articleId" = NEW."id";
END;

CREATE TRIGGER "Article_search_update" AFTER UPDATE OF "title", "outlet", "author" ON "Article" BEGIN
    DELETE FROM "ArticleSearch" WHERE "rowid" = (SELECT "rowid" FROM "ArticleSearchKey" WHERE "articleId" = NEW."id");
    INSERT INTO "ArticleSearch" ("rowid", "title", "outlet", "author", "body")
    SELECT k."rowid", COALESCE(NEW."title", ''), COALESCE(NEW."outlet", ''), COALESCE(NEW."author", ''),
           COALESCE((SELECT v."text" FROM "ArticleVersion" v WHERE v."articleId" = NEW."id" ORDER BY v."number" DESC LIMIT 1), '')
    FROM "ArticleSearchKey" k WHERE k."articleId" = NEW."id";
END;

CREATE TRIGGER "ArticleVersion_search_insert" AFTER INSERT ON "ArticleVersion" BEGIN
    DELETE FROM "ArticleSearch" WHERE "rowid" = (SELECT "rowid" FROM "ArticleSearchKey" WHERE "articleId" = NEW."articleId");
    INSERT INTO "ArticleSearch" ("rowid", "title", "outlet", "author", "body")
    SELECT k."rowid", COALESCE(a."title", ''), COALESCE(a."outlet", ''), COALESCE(a."author", ''),
           (SELECT v."text" FROM "ArticleVersion" v WHERE v."articleId" = a."id" ORDER BY v."number" DESC LIMIT 1)
    FROM "ArticleSearchKey" k JOIN "Article" a ON a."id" = k."articleId" WHERE k."articleId" = NEW."articleId";
END;

CREATE TRIGGER "Article_search_delete" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "ArticleSearch" WHERE "rowid" = (SELECT "rowid" FROM "ArticleSearchKey" WHERE "articleId" = OLD."id");
    DELETE FROM "ArticleSearchKey" WHERE "articleId" = OLD."id";
END;

-- The articles that exist already.
INSERT INTO "ArticleSearchKey" ("articleId") SELECT "id" FROM "Article";
INSERT INTO "ArticleSearch" ("rowid", "title", "outlet", "author", "body")
SELECT k."rowid", COALESCE(a."title", ''), COALESCE(a."outlet", ''), COALESCE(a."author", ''),
       COALESCE((SELECT v."text" FROM "ArticleVersion" v WHERE v."articleId" = a."id" ORDER BY v."number" DESC LIMIT 1), '')
FROM "ArticleSearchKey" k JOIN "Article" a ON a."id" = k."articleId";
