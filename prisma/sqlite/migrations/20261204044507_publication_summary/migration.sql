-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Publication" (
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
INSERT INTO "new_Publication" ("articleId", "changedAt", "claimCount", "firstPublishedAt", "id", "retractedAt", "retractionReason", "slug", "status", "teamId", "title", "version") SELECT "articleId", "changedAt", "claimCount", "firstPublishedAt", "id", "retractedAt", "retractionReason", "slug", "status", "teamId", "title", "version" FROM "Publication";
DROP TABLE "Publication";
ALTER TABLE "new_Publication" RENAME TO "Publication";
CREATE UNIQUE INDEX "Publication_articleId_key" ON "Publication"("articleId");
CREATE INDEX "Publication_teamId_status_changedAt_idx" ON "Publication"("teamId", "status", "changedAt");
CREATE UNIQUE INDEX "Publication_teamId_slug_key" ON "Publication"("teamId", "slug");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

