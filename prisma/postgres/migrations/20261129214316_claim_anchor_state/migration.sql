-- AlterTable
ALTER TABLE "Claim" ADD COLUMN     "anchorScore" DOUBLE PRECISION,
ADD COLUMN     "anchorState" "AnchorState" NOT NULL DEFAULT 'anchored';

