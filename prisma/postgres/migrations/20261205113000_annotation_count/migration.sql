-- How many annotations each article holds (deleted ones too), kept by triggers,
-- so a claim create checks CLAIMDESK_MAX_CLAIMS_PER_ARTICLE by reading a few
-- rows instead of counting the article's index entries: that count cost
-- 0.5-0.7 ms of every create at 1,000-1,600 claims and grows with the article
-- (some 2 ms at the cap), inside the create's transaction.
--
-- A slotted counter (a known pattern for a hot counter row): an article's
-- count is the sum of up to 16 rows, and a statement adds to the row of its
-- own connection's slot (its backend pid modulo 16). One row per article would make every create on that article
-- wait for the commit of the one before it; with slots, two creates wait for
-- each other only when their connections share a slot. A statement's rows are
-- written in article order, so two multi-article inserts cannot deadlock on
-- them. A slot's number may go below zero (a delete counted in another slot
-- than its insert); the sum is the count.
--
-- The same table on SQLite (its migration 20261205003000_annotation_count) has
-- one row per article, which the same SUM reads. Hand-written, like the
-- full-text tables: not in prisma/models.prisma, so `npm run db:diff` (schema
-- to schema) never sees it.

CREATE TABLE "ArticleAnnotationCount" (
    "articleId" TEXT NOT NULL,
    "slot" SMALLINT NOT NULL,
    "n" INTEGER NOT NULL,
    CONSTRAINT "ArticleAnnotationCount_pkey" PRIMARY KEY ("articleId", "slot")
);

CREATE FUNCTION "Annotation_count_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "ArticleAnnotationCount" AS c ("articleId", "slot", "n")
    SELECT i."articleId", pg_backend_pid() % 16, COUNT(*) FROM "inserted" i GROUP BY i."articleId" ORDER BY i."articleId"
    ON CONFLICT ("articleId", "slot") DO UPDATE SET "n" = c."n" + EXCLUDED."n";
    RETURN NULL;
END $$;

-- A delete takes the article's rows from its lowest slot, which exists for any
-- article that ever held an annotation. Its article may be gone already (a
-- cascade from "Article", whose trigger below removed the rows): nothing to do.
CREATE FUNCTION "Annotation_count_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ArticleAnnotationCount" c SET "n" = c."n" - d."n"
    FROM (SELECT o."articleId", COUNT(*) AS "n" FROM "deleted" o GROUP BY o."articleId" ORDER BY o."articleId") d
    WHERE c."articleId" = d."articleId"
      AND c."slot" = (SELECT MIN(s."slot") FROM "ArticleAnnotationCount" s WHERE s."articleId" = d."articleId");
    RETURN NULL;
END $$;

-- An annotation never moves to another article; if one ever did, both counts follow.
CREATE FUNCTION "Annotation_count_move"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE "ArticleAnnotationCount" c SET "n" = c."n" - 1
    WHERE c."articleId" = OLD."articleId"
      AND c."slot" = (SELECT MIN(s."slot") FROM "ArticleAnnotationCount" s WHERE s."articleId" = OLD."articleId");
    INSERT INTO "ArticleAnnotationCount" AS c ("articleId", "slot", "n") VALUES (NEW."articleId", pg_backend_pid() % 16, 1)
    ON CONFLICT ("articleId", "slot") DO UPDATE SET "n" = c."n" + 1;
    RETURN NULL;
END $$;

CREATE FUNCTION "Article_count_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM "ArticleAnnotationCount" c USING "deleted" d WHERE c."articleId" = d."id";
    RETURN NULL;
END $$;

-- Creating the triggers locks "Annotation" against writes until this migration
-- commits, so the count below misses no insert and counts none twice.
CREATE TRIGGER "Annotation_count_insert" AFTER INSERT ON "Annotation"
    REFERENCING NEW TABLE AS "inserted" FOR EACH STATEMENT EXECUTE FUNCTION "Annotation_count_insert"();
CREATE TRIGGER "Annotation_count_delete" AFTER DELETE ON "Annotation"
    REFERENCING OLD TABLE AS "deleted" FOR EACH STATEMENT EXECUTE FUNCTION "Annotation_count_delete"();
CREATE TRIGGER "Annotation_count_move" AFTER UPDATE OF "articleId" ON "Annotation"
    FOR EACH ROW WHEN (NEW."articleId" IS DISTINCT FROM OLD."articleId") EXECUTE FUNCTION "Annotation_count_move"();
CREATE TRIGGER "Article_count_delete" AFTER DELETE ON "Article"
    REFERENCING OLD TABLE AS "deleted" FOR EACH STATEMENT EXECUTE FUNCTION "Article_count_delete"();

-- The annotations that exist already.
INSERT INTO "ArticleAnnotationCount" ("articleId", "slot", "n")
SELECT "articleId", 0, COUNT(*) FROM "Annotation" GROUP BY "articleId";
