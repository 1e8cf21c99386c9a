-- AlterTable
ALTER TABLE "Article" ADD COLUMN "metaSources" JSONB;
ALTER TABLE "Article" ADD COLUMN "modifiedDate" TEXT;

-- CreateTable
CREATE TABLE "ArticleSnapshot" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT,
    "createdById" TEXT,
    "requestedUrl" TEXT NOT NULL,
    "finalUrl" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "contentType" TEXT NOT NULL,
    "fetchedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "size" INTEGER NOT NULL,
    "sha256" TEXT NOT NULL,
    "body" BLOB NOT NULL,
    CONSTRAINT "ArticleSnapshot_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleSnapshot_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ArticleSnapshot_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleSnapshot_articleId_key" ON "ArticleSnapshot"("articleId");

-- CreateIndex
CREATE INDEX "ArticleSnapshot_teamId_createdById_fetchedAt_idx" ON "ArticleSnapshot"("teamId", "createdById", "fetchedAt");

