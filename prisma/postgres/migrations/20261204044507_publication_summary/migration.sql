-- AlterTable
ALTER TABLE "Publication" ADD COLUMN     "summary" TEXT NOT NULL DEFAULT '';

