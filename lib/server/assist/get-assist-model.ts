import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AssistModelDto } from "@/lib/schemas/assist";
import { toAssistModelDto } from "./assist-model-dto";

/** GET /api/assist/model: the team's check-worthiness weights beside the defaults, for the settings page. */
export async function getAssistModel(user: CurrentUser): Promise<AssistModelDto> {
  return toAssistModelDto(
    user,
    await db.assistModel.findUnique({ where: { teamId: user.teamId }, select: { weights: true, updates: true, version: true } }),
  );
}
