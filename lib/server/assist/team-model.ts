import { db } from "@/lib/db";
import { parseWeights, type Weights } from "@/lib/assist/checkworthy-model";

/** The team's check-worthiness weights (the defaults until it has learnt or after a reset). */
export async function teamWeights(teamId: string): Promise<Weights> {
  const row = await db.assistModel.findUnique({ where: { teamId }, select: { weights: true } });
  return parseWeights(row?.weights);
}
