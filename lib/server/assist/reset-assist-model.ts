import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { AssistModelDto } from "@/lib/schemas/assist";
import { DEFAULT_WEIGHTS } from "@/lib/assist/checkworthy-model";
import { canResetModel } from "@/lib/policies/assist";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { toAssistModelDto } from "./assist-model-dto";

/** DELETE /api/assist/model?version=N: back to the defaults (editors and admins), 409 when someone changed the weights since. */
export async function resetAssistModel(user: CurrentUser, version: number): Promise<AssistModelDto> {
  if (!canResetModel(user)) throw new AppError("FORBIDDEN", "Only editors and admins may reset the team's model.");
  return db.$transaction(async (tx) => {
    await tx.assistModel.upsert({ where: { teamId: user.teamId }, create: { teamId: user.teamId }, update: {} });
    const { count } = await tx.assistModel.updateMany({
      where: { teamId: user.teamId, version },
      data: { weights: DEFAULT_WEIGHTS, updates: 0, version: { increment: 1 } },
    });
    const row = await tx.assistModel.findUniqueOrThrow({
      where: { teamId: user.teamId },
      select: { weights: true, updates: true, version: true },
    });
    if (!count) throw new AppError("CONFLICT", "The team's model changed in the meantime.", { current: toAssistModelDto(user, row) });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "assist.model.reset",
      objectType: "assistModel",
      objectId: user.teamId,
      after: { version: row.version },
    });
    return toAssistModelDto(user, row);
  });
}
