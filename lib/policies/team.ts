import { permissionRefusal, rolesWith } from "./permissions";
import { ROLES, type Role } from "./roles";

/**
 * Who may manage a team: its members, invitations, settings and activity.
 * Pure: used by the use cases (which throw the refusal as a 403) and sent to
 * the client (as `can`) so pages hide what the server would refuse. Routes
 * and use cases name permissions, never roles.
 */
export type TeamActor = { id: string; role: Role };

export const TEAM_PERMISSIONS = ["members.view", "members.manage", "settings.edit", "activity.view"] as const;
export type TeamPermission = (typeof TEAM_PERMISSIONS)[number];

/** Why `actor` may not do `permission` in their team, or null when they may (the grants are in ./permissions.ts). */
export function teamRefusal(actor: TeamActor, permission: TeamPermission): string | null {
  return permissionRefusal(actor, permission);
}

/** What the client may do on the team pages. */
export function teamPermissions(actor: TeamActor) {
  return {
    viewMembers: !teamRefusal(actor, "members.view"),
    manageMembers: !teamRefusal(actor, "members.manage"),
    editSettings: !teamRefusal(actor, "settings.edit"),
    viewActivity: !teamRefusal(actor, "activity.view"),
  };
}
export type TeamPermissions = ReturnType<typeof teamPermissions>;

/** A membership as the guardrails see it. */
export type MemberSubject = { userId: string; role: Role; active: boolean };
/** A change to a membership: a new role, or a new status. */
export type MemberChange = { role?: Role; active?: boolean };

export const LAST_ADMIN_REFUSAL = "A team must keep at least one active admin. Make another member admin first.";

/**
 * Why `actor` may not make `change` to `target`, or null when they may.
 * `activeAdmins` counts the team's active admins, the target included, read
 * in the same transaction as the write (so two admins demoting each other at
 * once cannot leave the team without one).
 */
export function memberChangeRefusal(actor: TeamActor, target: MemberSubject, change: MemberChange, activeAdmins: number): string | null {
  const denied = teamRefusal(actor, "members.manage");
  if (denied) return denied;
  const manages = (role: Role) => MANAGER_ROLES.includes(role);
  const stopsBeingAdmin =
    manages(target.role) && target.active && ((change.role !== undefined && !manages(change.role)) || change.active === false);
  if (stopsBeingAdmin && activeAdmins <= 1) return LAST_ADMIN_REFUSAL;
  return null;
}

/** The roles that manage a team (the guardrail keeps one of them active). */
export const MANAGER_ROLES: readonly Role[] = rolesWith("members.manage");
/** The role of whoever makes a team. */
export const TEAM_CREATOR_ROLE: Role = "admin";
/** The role the invite form suggests. */
export const DEFAULT_INVITE_ROLE: Role = "reviewer";

/** True for a string that names a role (input checks; the error names the field). */
export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);
