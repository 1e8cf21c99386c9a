-- CreateEnum
CREATE TYPE "EmailNotifications" AS ENUM ('each', 'digest', 'none');

-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "digestSentAt" TIMESTAMP(3),
ADD COLUMN     "emailNotifications" "EmailNotifications" NOT NULL DEFAULT 'each';

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "editedAt" TIMESTAMP(3),
ADD COLUMN     "parentId" TEXT,
ADD COLUMN     "resolvedAt" TIMESTAMP(3),
ADD COLUMN     "resolvedById" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "articleId" TEXT,
ADD COLUMN     "commentId" TEXT,
ADD COLUMN     "mailAttempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "mailClaim" TEXT,
ADD COLUMN     "mailClaimedAt" TIMESTAMP(3),
ADD COLUMN     "mailVia" TEXT,
ADD COLUMN     "mailedAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Comment_annotationId_idx" ON "Comment"("annotationId");

-- CreateIndex
CREATE INDEX "Comment_parentId_idx" ON "Comment"("parentId");

-- CreateIndex
CREATE INDEX "Notification_userId_teamId_createdAt_idx" ON "Notification"("userId", "teamId", "createdAt");

-- CreateIndex
CREATE INDEX "Notification_mailVia_mailedAt_idx" ON "Notification"("mailVia", "mailedAt");

-- CreateIndex
CREATE INDEX "Notification_commentId_idx" ON "Notification"("commentId");

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Comment" ADD CONSTRAINT "Comment_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_commentId_fkey" FOREIGN KEY ("commentId") REFERENCES "Comment"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: a mention names its comment, and a round's notification its article, so blind review can judge them.
UPDATE "Notification" SET "commentId" = "objectId" WHERE "objectType" = 'comment' AND "objectId" IN (SELECT "id" FROM "Comment");
UPDATE "Notification" SET "articleId" = (SELECT r."articleId" FROM "ReviewRound" r WHERE r."id" = "Notification"."objectId") WHERE "objectType" = 'round';
