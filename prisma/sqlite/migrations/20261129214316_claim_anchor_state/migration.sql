-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Claim" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "clusterId" TEXT,
    "sourceAnnotationId" TEXT,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "exact" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "suffix" TEXT NOT NULL,
    "verdict" TEXT NOT NULL,
    "rationaleHtml" TEXT NOT NULL DEFAULT '',
    "anchorState" TEXT NOT NULL DEFAULT 'anchored',
    "anchorScore" REAL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "Claim_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ArticleVersion" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Claim_clusterId_fkey" FOREIGN KEY ("clusterId") REFERENCES "Cluster" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Claim" ("articleId", "clusterId", "createdAt", "deletedAt", "end", "exact", "id", "prefix", "rationaleHtml", "sourceAnnotationId", "start", "suffix", "teamId", "updatedAt", "verdict", "version", "versionId") SELECT "articleId", "clusterId", "createdAt", "deletedAt", "end", "exact", "id", "prefix", "rationaleHtml", "sourceAnnotationId", "start", "suffix", "teamId", "updatedAt", "verdict", "version", "versionId" FROM "Claim";
DROP TABLE "Claim";
ALTER TABLE "new_Claim" RENAME TO "Claim";
CREATE UNIQUE INDEX "Claim_clusterId_key" ON "Claim"("clusterId");
CREATE INDEX "Claim_teamId_articleId_idx" ON "Claim"("teamId", "articleId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

