-- CreateEnum
CREATE TYPE "PublicationStatus" AS ENUM ('published', 'retracted');

-- CreateEnum
CREATE TYPE "PublicationAction" AS ENUM ('publish', 'update', 'retract');

-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "importTagMap" JSONB,
ADD COLUMN     "language" TEXT,
ADD COLUMN     "ratingScale" JSONB;

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "firstAppearanceDate" TEXT,
ADD COLUMN     "firstAppearanceUrl" TEXT;

-- AlterTable
ALTER TABLE "EvidenceItem" ADD COLUMN     "internal" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "firstAppearanceDate" TEXT,
ADD COLUMN     "firstAppearanceUrl" TEXT;

-- CreateTable
CREATE TABLE "Publication" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "status" "PublicationStatus" NOT NULL DEFAULT 'published',
    "title" TEXT NOT NULL,
    "claimCount" INTEGER NOT NULL DEFAULT 0,
    "summary" TEXT NOT NULL DEFAULT '',
    "firstPublishedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "changedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retractedAt" TIMESTAMP(3),
    "retractionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Publication_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PublicationRevision" (
    "id" TEXT NOT NULL,
    "publicationId" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "action" "PublicationAction" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorId" TEXT,
    "versionNumber" INTEGER,
    "text" TEXT,
    "textHash" TEXT,
    "snapshot" JSONB,

    CONSTRAINT "PublicationRevision_pkey" PRIMARY KEY ("id")
);

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

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Publication" ADD CONSTRAINT "Publication_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PublicationRevision" ADD CONSTRAINT "PublicationRevision_publicationId_fkey" FOREIGN KEY ("publicationId") REFERENCES "Publication"("id") ON DELETE CASCADE ON UPDATE CASCADE;

