-- AlterTable
ALTER TABLE "Team" ADD COLUMN "importTagMap" JSONB;
ALTER TABLE "Team" ADD COLUMN "language" TEXT;
ALTER TABLE "Team" ADD COLUMN "ratingScale" JSONB;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "firstAppearanceDate" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "firstAppearanceUrl" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "speaker" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "firstAppearanceDate" TEXT;
ALTER TABLE "Claim" ADD COLUMN "firstAppearanceUrl" TEXT;
ALTER TABLE "Claim" ADD COLUMN "speaker" TEXT;

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'published',
    "title" TEXT NOT NULL,
    "claimCount" INTEGER NOT NULL DEFAULT 0,
    "firstPublishedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retractedAt" DATETIME,
    "retractionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    CONSTRAINT "Publication_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Publication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "PublicationRevision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "publicationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "action" TEXT NOT NULL,
    "note" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "versionNumber" INTEGER,
    "text" TEXT,
    "textHash" TEXT,
    "snapshot" JSONB,
    CONSTRAINT "PublicationRevision_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- AlterTable (a plain ADD COLUMN: SQLite allows NOT NULL with a constant default, and the table keeps its rows, indexes and rowids)
ALTER TABLE "EvidenceItem" ADD COLUMN "internal" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Publication_articleId_key" ON "Publication"("articleId");

-- CreateIndex
CREATE INDEX "Publication_teamId_status_changedAt_idx" ON "Publication"("teamId", "status", "changedAt");

-- CreateIndex
CREATE UNIQUE INDEX "Publication_teamId_slug_key" ON "Publication"("teamId", "slug");

-- CreateIndex
CREATE INDEX "PublicationRevision_publicationId_versionNumber_idx" ON "PublicationRevision"("publicationId", "versionNumber");

-- CreateIndex
CREATE UNIQUE INDEX "PublicationRevision_publicationId_number_key" ON "PublicationRevision"("publicationId", "number");

