import { may } from "./permissions";
import type { Role } from "./roles";

/**
 * Who may do what with claim assistance. Pure; the settings DTOs
 * carry the result as `can` so the UI hides what the server refuses.
 */
export type AssistActor = { id: string; role: Role };

/** Every member who annotates may accept or dismiss a suggestion (and so teach the team's model). */
export const canDecideSuggestion = (_actor: AssistActor) => true;

/** Resetting the team's learnt weights undoes everyone's teaching: editors and admins. */
export const canResetModel = (actor: AssistActor) => may(actor, "assist.manage");

/** The alias table changes every article's analysis: editors and admins. */
export const canEditAliases = (actor: AssistActor) => may(actor, "assist.manage");

/** What the settings page may offer. */
export const assistPermissions = (actor: AssistActor) => ({ resetModel: canResetModel(actor), editAliases: canEditAliases(actor) });
