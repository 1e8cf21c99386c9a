-- AlterTable
ALTER TABLE "ArticleVersion" ADD COLUMN "reason" TEXT;

