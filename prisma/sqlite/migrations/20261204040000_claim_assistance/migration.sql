-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "speaker" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN "speaker" TEXT;

-- CreateTable
CREATE TABLE "AssistSentence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "versionId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "terms" TEXT NOT NULL,
    "termCount" INTEGER NOT NULL,
    "signature" JSONB NOT NULL,
    "features" JSONB NOT NULL,
    "speaker" TEXT,
    "ftsRowid" INTEGER,
    CONSTRAINT "AssistSentence_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AssistIndexState" (
    "versionId" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "engine" INTEGER NOT NULL,
    "sentences" INTEGER NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "AssistTermStat" (
    "teamId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "df" INTEGER NOT NULL,

    PRIMARY KEY ("teamId", "term")
);

-- CreateTable
CREATE TABLE "AssistModel" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "weights" JSONB,
    "updates" INTEGER NOT NULL DEFAULT 0,
    "sentences" INTEGER NOT NULL DEFAULT 0,
    "terms" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "AssistModel_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "TeamAlias" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "aliasKey" TEXT NOT NULL,
    "canonical" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "deletedAt" DATETIME,
    CONSTRAINT "TeamAlias_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "claimId" TEXT,
    "sourceAnnotationId" TEXT,
    "verdict" TEXT NOT NULL,
    "evidenceCopied" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "AssistSentence_versionId_ordinal_idx" ON "AssistSentence"("versionId", "ordinal");

-- CreateIndex
CREATE INDEX "AssistSentence_teamId_articleId_idx" ON "AssistSentence"("teamId", "articleId");

-- CreateIndex
CREATE INDEX "AssistIndexState_teamId_articleId_idx" ON "AssistIndexState"("teamId", "articleId");

-- CreateIndex
CREATE INDEX "SuggestionDismissal_teamId_idx" ON "SuggestionDismissal"("teamId");

-- CreateIndex
CREATE UNIQUE INDEX "SuggestionDismissal_articleId_textHash_key" ON "SuggestionDismissal"("articleId", "textHash");

-- CreateIndex
CREATE INDEX "TeamAlias_teamId_aliasKey_idx" ON "TeamAlias"("teamId", "aliasKey");

-- CreateIndex
CREATE INDEX "ClaimLink_teamId_annotationId_idx" ON "ClaimLink"("teamId", "annotationId");


-- Full-text index of AssistSentence.terms (issue 16), written by hand: Prisma has no FTS5.
-- lib/server/assist/sentence-index.ts inserts and deletes its rows with the sentences (by rowid, kept in AssistSentence.ftsRowid).
CREATE VIRTUAL TABLE "AssistSentenceFts" USING fts5("terms", "sentenceId" UNINDEXED, tokenize = 'unicode61 remove_diacritics 0');
