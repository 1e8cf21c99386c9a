-- How many annotations each article holds (deleted ones too), kept by triggers,
-- so a claim create checks CLAIMDESK_MAX_CLAIMS_PER_ARTICLE in O(1) instead of
-- counting the article's index entries (0.2 ms at 1,000 claims, some 2 ms at the
-- cap, inside the write lock). SQLite only: its writers take turns anyway, so
-- one counter row costs no concurrency. On PostgreSQL the same trigger would
-- make every create on an article wait for the one before it to commit (and
-- deadlock with the article's FOR SHARE lock), so it keeps the count
-- (lib/server/claims/insert-annotation.ts).
-- Hand-written, like the full-text tables: not in prisma/models.prisma, so
-- `npm run db:diff` (schema to schema) never sees it.

CREATE TABLE "ArticleAnnotationCount" (
    "articleId" TEXT NOT NULL PRIMARY KEY,
    "n" INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER "Annotation_count_insert" AFTER INSERT ON "Annotation" BEGIN
    INSERT OR IGNORE INTO "ArticleAnnotationCount" ("articleId", "n") VALUES (NEW."articleId", 0);
    UPDATE "ArticleAnnotationCount" SET "n" = "n" + 1 WHERE "articleId" = NEW."articleId";
END;

CREATE TRIGGER "Annotation_count_delete" AFTER DELETE ON "Annotation" BEGIN
    UPDATE "ArticleAnnotationCount" SET "n" = "n" - 1 WHERE "articleId" = OLD."articleId";
END;

-- An annotation never moves to another article; if one ever did, both counts follow.
CREATE TRIGGER "Annotation_count_move" AFTER UPDATE OF "articleId" ON "Annotation" WHEN NEW."articleId" IS NOT OLD."articleId" BEGIN
    UPDATE "ArticleAnnotationCount" SET "n" = "n" - 1 WHERE "articleId" = OLD."articleId";
    INSERT OR IGNORE INTO "ArticleAnnotationCount" ("articleId", "n") VALUES (NEW."articleId", 0);
    UPDATE "ArticleAnnotationCount" SET "n" = "n" + 1 WHERE "articleId" = NEW."articleId";
END;

CREATE TRIGGER "Article_count_delete" AFTER DELETE ON "Article" BEGIN
    DELETE FROM "ArticleAnnotationCount" WHERE "articleId" = OLD."id";
END;

-- The annotations that exist already.
INSERT INTO "ArticleAnnotationCount" ("articleId", "n")
SELECT "articleId", COUNT(*) FROM "Annotation" GROUP BY "articleId";
