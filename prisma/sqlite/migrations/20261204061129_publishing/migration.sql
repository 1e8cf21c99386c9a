-- AlterTable
ALTER TABLE "Team" ADD COLUMN "importTagMap" JSONB;
ALTER TABLE "Team" ADD COLUMN "language" TEXT;
ALTER TABLE "Team" ADD COLUMN "ratingScale" JSONB;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "firstAppearanceDate" TEXT;
ALTER TABLE "Annotation" ADD COLUMN "firstAppearanceUrl" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "firstAppearanceDate" TEXT;
ALTER TABLE "Claim" ADD COLUMN "firstAppearanceUrl" TEXT;

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'published',
    "title" TEXT NOT NULL,
    "claimCount" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT NOT NULL DEFAULT '',
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

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EvidenceItem" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "url" TEXT,
    "publisher" TEXT,
    "author" TEXT,
    "publishedDate" TEXT,
    "accessedDate" TEXT,
    "quote" TEXT,
    "notesHtml" TEXT NOT NULL DEFAULT '',
    "dateStart" TEXT,
    "dateEnd" TEXT,
    "datePrecision" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "seedKey" TEXT,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "EvidenceItem_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EvidenceItem_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_EvidenceItem" ("accessedDate", "author", "createdAt", "createdById", "dateEnd", "datePrecision", "dateStart", "deletedAt", "id", "kind", "notesHtml", "publishedDate", "publisher", "quote", "searchText", "seedKey", "teamId", "title", "updatedAt", "url", "version") SELECT "accessedDate", "author", "createdAt", "createdById", "dateEnd", "datePrecision", "dateStart", "deletedAt", "id", "kind", "notesHtml", "publishedDate", "publisher", "quote", "searchText", "seedKey", "teamId", "title", "updatedAt", "url", "version" FROM "EvidenceItem";
DROP TABLE "EvidenceItem";
ALTER TABLE "new_EvidenceItem" RENAME TO "EvidenceItem";
CREATE INDEX "EvidenceItem_teamId_kind_idx" ON "EvidenceItem"("teamId", "kind");
CREATE UNIQUE INDEX "EvidenceItem_teamId_seedKey_key" ON "EvidenceItem"("teamId", "seedKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

