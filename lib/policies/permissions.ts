import type { Role } from "./roles";

/**
 * What each role may do, in one table: the only place outside this folder's
 * tests where role names decide anything (an ESLint rule bans role literals
 * elsewhere). Policies (`lib/policies/*.ts`) combine a permission with the
 * object's state ("an editor, and the round is revealed"); use cases call
 * {@link permissionRefusal} through `requirePermission` and throw its
 * message as a 403; routes name no roles. A new role is one column here,
 * not a search through the code for `role === "reviewer"`.
 */
const GRANTS = {
  // The team (members, invitations, settings, activity).
  "members.view": ["admin", "editor"],
  "members.manage": ["admin"],
  "settings.edit": ["admin"],
  "activity.view": ["admin", "editor"],
  // Articles: correcting the text, placing anchors, metadata and deletion change what everyone's claims and reports say.
  "articles.correct": ["admin", "editor"],
  "articles.placeAnchors": ["admin", "editor"],
  "articles.editMeta": ["admin", "editor"],
  "articles.delete": ["admin", "editor"],
  "articles.restore": ["admin"],
  // Claims: editing anyone's; and whose own claims outside rounds are the desk's final claims.
  "claims.editAny": ["admin", "editor"],
  "claims.final": ["admin", "editor"],
  // The evidence library: curating every item (seeded ones have no author).
  "evidence.curate": ["admin", "editor"],
  // Review rounds: starting, revealing early, closing, seeing progress; deciding clusters (adjudicating).
  "rounds.run": ["admin", "editor"],
  "clusters.decide": ["admin", "editor"],
  // Claim assistance: the team's alias table and learnt weights.
  "assist.manage": ["admin", "editor"],
  // Discussion: resolving and reopening any thread (its starter and the claim's author may anyway).
  "discussion.resolveAny": ["admin", "editor"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;

const REFUSALS: Record<Permission, string> = {
  "members.view": "Only admins and editors see the team's members.",
  "members.manage": "Only admins manage the team's members and invitations.",
  "settings.edit": "Only admins change the team's settings.",
  "activity.view": "Only admins and editors see the team's activity.",
  "articles.correct": "Only editors and admins correct an article's text.",
  "articles.placeAnchors": "Only editors and admins confirm or re-place a claim's position.",
  "articles.editMeta": "Only editors and admins can change an article's details.",
  "articles.delete": "Only editors and admins can delete an article.",
  "articles.restore": "Only admins can restore a deleted article.",
  "claims.editAny": "Only the claim's author, an editor or an admin may change it.",
  "claims.final": "Only editors and admins make the desk's final claims.",
  "evidence.curate": "Only the item's author, an editor or an admin may change it.",
  "rounds.run": "Only editors and admins start, reveal and close review rounds.",
  "clusters.decide": "Only editors and admins decide clusters.",
  "assist.manage": "Only editors and admins change the team's claim assistance.",
  "discussion.resolveAny": "Only whoever started the thread, the claim's author, or an editor resolves a thread.",
};

/** A member as the permissions see them. */
export type PermissionActor = { role: Role };

/** Why `actor` may not do `permission`, or null when they may. */
export function permissionRefusal(actor: PermissionActor, permission: Permission): string | null {
  return (GRANTS[permission] as readonly Role[]).includes(actor.role) ? null : REFUSALS[permission];
}

/** Whether `actor` may do `permission`. */
export const may = (actor: PermissionActor, permission: Permission): boolean => permissionRefusal(actor, permission) === null;

/** The roles that hold `permission`, for queries that filter by role (e.g. whose claims are final). */
export const rolesWith = (permission: Permission): readonly Role[] => GRANTS[permission];
