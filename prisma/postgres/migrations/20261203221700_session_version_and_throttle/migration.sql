-- (User.sessionVersion comes with the people migration.)

-- AlterTable
ALTER TABLE "LoginThrottle" DROP COLUMN "lockedUntil",
DROP COLUMN "windowStart",
ADD COLUMN     "account" TEXT,
ADD COLUMN     "lastFailureAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "nextAttemptAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "LoginThrottle_account_idx" ON "LoginThrottle"("account");

-- CreateIndex
CREATE INDEX "LoginThrottle_lastFailureAt_idx" ON "LoginThrottle"("lastFailureAt");

