-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "speaker" TEXT;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "speaker" TEXT;

-- CreateTable
CREATE TABLE "AssistSentence" (
    "id" TEXT NOT NULL,
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

    CONSTRAINT "AssistSentence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AssistIndexState" (
    "versionId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "engine" INTEGER NOT NULL,
    "sentences" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AssistIndexState_pkey" PRIMARY KEY ("versionId")
);

-- CreateTable
CREATE TABLE "AssistTermStat" (
    "teamId" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "df" INTEGER NOT NULL,

    CONSTRAINT "AssistTermStat_pkey" PRIMARY KEY ("teamId","term")
);

-- CreateTable
CREATE TABLE "AssistModel" (
    "teamId" TEXT NOT NULL,
    "weights" JSONB,
    "updates" INTEGER NOT NULL DEFAULT 0,
    "sentences" INTEGER NOT NULL DEFAULT 0,
    "terms" INTEGER NOT NULL DEFAULT 0,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AssistModel_pkey" PRIMARY KEY ("teamId")
);

-- CreateTable
CREATE TABLE "SuggestionDismissal" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "textHash" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SuggestionDismissal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeamAlias" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "alias" TEXT NOT NULL,
    "aliasKey" TEXT NOT NULL,
    "canonical" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "TeamAlias_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "claimId" TEXT,
    "sourceAnnotationId" TEXT,
    "verdict" "Verdict" NOT NULL,
    "evidenceCopied" INTEGER NOT NULL DEFAULT 0,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimLink_pkey" PRIMARY KEY ("id")
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

-- AddForeignKey
ALTER TABLE "AssistSentence" ADD CONSTRAINT "AssistSentence_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AssistModel" ADD CONSTRAINT "AssistModel_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamAlias" ADD CONSTRAINT "TeamAlias_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Full-text index of AssistSentence.terms (issue 16), written by hand: Prisma has no tsvector columns.
-- A stored generated column, so ranking reads the vector instead of parsing every matching row's terms again;
-- Prisma never writes it (it is not in the model) and PostgreSQL keeps it in step with "terms".
ALTER TABLE "AssistSentence" ADD COLUMN "termsTsv" tsvector GENERATED ALWAYS AS (to_tsvector('simple', "terms")) STORED;
CREATE INDEX "AssistSentence_termsTsv_idx" ON "AssistSentence" USING GIN ("termsTsv");
