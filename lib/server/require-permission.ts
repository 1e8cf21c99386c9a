import { AppError } from "@/lib/errors";
import { permissionRefusal, type Permission, type PermissionActor } from "@/lib/policies/permissions";

/** Throws the policy's refusal as a 403 when `actor` may not do `permission`: how use cases check a role-level permission. */
export function requirePermission(actor: PermissionActor, permission: Permission): void {
  const refusal = permissionRefusal(actor, permission);
  if (refusal) throw new AppError("FORBIDDEN", refusal);
}
