-- DropIndex
DROP INDEX "Annotation_teamId_articleId_versionId_idx";

