import type { Role } from "./roles";

/**
 * Who may publish a fact-check, update it and withdraw it: editors
 * and admins. Every member may see whether and where an article is
 * published. Pure: the use cases throw the
 * refusal as a 403, and the client gets `can` to hide what it would refuse.
 */
export type PublicationActor = { id: string; role: Role };
export type PublicationPermission = "publish" | "retract";

const GRANTS: Record<PublicationPermission, readonly Role[]> = {
  publish: ["admin", "editor"],
  retract: ["admin", "editor"],
};

const REFUSALS: Record<PublicationPermission, string> = {
  publish: "Only editors and admins publish fact-checks.",
  retract: "Only editors and admins withdraw published fact-checks.",
};

/** Why `actor` may not do `permission`, or null when they may. */
export function publicationRefusal(actor: PublicationActor, permission: PublicationPermission): string | null {
  return GRANTS[permission].includes(actor.role) ? null : REFUSALS[permission];
}

/** What the client may do with an article's publication. */
export function publicationPermissions(actor: PublicationActor) {
  return { publish: !publicationRefusal(actor, "publish"), retract: !publicationRefusal(actor, "retract") };
}
export type PublicationPermissions = ReturnType<typeof publicationPermissions>;
