-- AlterTable
ALTER TABLE "ArticleVersion" ADD COLUMN     "lineKinds" JSONB;

