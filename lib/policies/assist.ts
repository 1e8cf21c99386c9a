import type { Role } from "./roles";

/**
 * Who may do what with claim assistance (issue 16). Pure; the settings DTOs
 * carry the result as `can` so the UI hides what the server refuses.
 */
export type AssistActor = { id: string; role: Role };

const isEditor = (actor: AssistActor) => actor.role === "editor" || actor.role === "admin";

/** Every member who annotates may accept or dismiss a suggestion (and so teach the team's model). */
export const canDecideSuggestion = (_actor: AssistActor) => true;

/** Resetting the team's learnt weights undoes everyone's teaching: editors and admins. */
export const canResetModel = (actor: AssistActor) => isEditor(actor);

/** The alias table changes every article's analysis: editors and admins. */
export const canEditAliases = (actor: AssistActor) => isEditor(actor);

/** What the settings page may offer. */
export const assistPermissions = (actor: AssistActor) => ({ resetModel: canResetModel(actor), editAliases: canEditAliases(actor) });
