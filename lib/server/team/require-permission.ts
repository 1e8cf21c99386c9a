import { AppError } from "@/lib/errors";
import { teamRefusal, type TeamActor, type TeamPermission } from "@/lib/policies/team";

/** Throws the policy's refusal as a 403 when `actor` may not do `permission`. */
export function requireTeamPermission(actor: TeamActor, permission: TeamPermission): void {
  const refusal = teamRefusal(actor, permission);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}
