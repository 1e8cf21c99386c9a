-- DropIndex
DROP INDEX "Annotation_teamId_articleId_deletedAt_verdict_roundId_idx";

-- CreateIndex
CREATE INDEX "Annotation_teamId_articleId_deletedAt_verdict_roundId_autho_idx" ON "Annotation"("teamId", "articleId", "deletedAt", "verdict", "roundId", "authorId");

