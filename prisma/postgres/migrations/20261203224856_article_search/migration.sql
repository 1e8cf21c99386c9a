-- Full-text search over articles (issue 13): title, outlet, author and the
-- current version's text, as one tsvector per article with a GIN index, kept
-- up to date by triggers. Hand-written: Prisma's schema has no tsvector type.
-- The table is not in prisma/models.prisma, so `npm run db:diff` (schema to
-- schema) never sees it.
--
-- The 'simple' configuration lower-cases words and does not stem them: the
-- desk's articles are in many languages; unaccent folds accents ("Montréal"
-- matches "montreal", as SQLite's remove_diacritics does). unaccent ships
-- with PostgreSQL (contrib) and is a trusted extension: the database's owner
-- can create it. Positions are stripped (nothing
-- ranks by them), and a text whose vector would pass PostgreSQL's 1 MB
-- tsvector limit is indexed by its first 200,000 characters rather than
-- failing the import.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TABLE "ArticleSearch" (
    "articleId" TEXT NOT NULL PRIMARY KEY REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    "document" tsvector NOT NULL
);

CREATE INDEX "ArticleSearch_document_idx" ON "ArticleSearch" USING GIN ("document");

CREATE FUNCTION claimdesk_article_search_refresh(aid TEXT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    meta tsvector;
    body TEXT;
    words tsvector;
BEGIN
    SELECT setweight(to_tsvector('simple', unaccent(COALESCE(a."title", ''))), 'A')
        || setweight(to_tsvector('simple', unaccent(COALESCE(a."outlet", '') || ' ' || COALESCE(a."author", ''))), 'B')
    INTO meta FROM "Article" a WHERE a."id" = aid;
    IF NOT FOUND THEN
        RETURN;
    END IF;
    SELECT v."text" INTO body FROM "ArticleVersion" v WHERE v."articleId" = aid ORDER BY v."number" DESC LIMIT 1;
    BEGIN
        words := strip(to_tsvector('simple', unaccent(COALESCE(body, ''))));
    EXCEPTION WHEN program_limit_exceeded THEN
        words := strip(to_tsvector('simple', unaccent(left(COALESCE(body, ''), 200000))));
    END;
    INSERT INTO "ArticleSearch" ("articleId", "document") VALUES (aid, strip(meta) || words)
    ON CONFLICT ("articleId") DO UPDATE SET "document" = EXCLUDED."document";
END;
$$;

CREATE FUNCTION claimdesk_article_search_article() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM claimdesk_article_search_refresh(NEW."id");
    RETURN NULL;
END;
$$;

CREATE FUNCTION claimdesk_article_search_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM claimdesk_article_search_refresh(NEW."articleId");
    RETURN NULL;
END;
$$;

CREATE TRIGGER "Article_search" AFTER INSERT OR UPDATE OF "title", "outlet", "author" ON "Article"
    FOR EACH ROW EXECUTE FUNCTION claimdesk_article_search_article();

CREATE TRIGGER "ArticleVersion_search" AFTER INSERT ON "ArticleVersion"
    FOR EACH ROW EXECUTE FUNCTION claimdesk_article_search_version();

-- The articles that exist already.
SELECT claimdesk_article_search_refresh("id") FROM "Article";
