import { may } from "./permissions";
import type { Role } from "./roles";
import { publicationRefusal } from "./publication";

/** Who may do what to an article and its versions. Pure: used by the server and sent to the client to hide controls. */
export type ArticleActor = { id: string; role: Role };

/** Every member may bring in an article to check: adding one changes nothing anyone else made. */
export const canCreateArticle = (_actor: ArticleActor) => true;

/** Correcting the text moves every claim on it, so it is an editor's act (editors and admins). */
export const canCorrectArticle = (actor: ArticleActor) => may(actor, "articles.correct");

/** Confirming a drifted claim or re-placing an orphan decides where a claim stands: editors and admins. */
export const canPlaceAnchor = (actor: ArticleActor) => may(actor, "articles.placeAnchors");

/** Changing an article's metadata after it is saved changes what reports say about it: editors and admins. */
export const canEditArticleMeta = (actor: ArticleActor) => may(actor, "articles.editMeta");

/** Deleting an article takes its claims and reports out of every list: editors and admins. */
export const canDeleteArticle = (actor: ArticleActor) => may(actor, "articles.delete");

/** Bringing a deleted article back: admins, who see the deleted ones. */
export const canRestoreArticle = (actor: ArticleActor) => may(actor, "articles.restore");

/** The permissions the client uses to show or hide article controls. */
export function articlePermissions(actor: ArticleActor) {
  return {
    correct: canCorrectArticle(actor),
    placeAnchors: canPlaceAnchor(actor),
    editMeta: canEditArticleMeta(actor),
    delete: canDeleteArticle(actor),
    restore: canRestoreArticle(actor),
    /** Publishing the fact-check (./publication.ts): the article page offers the Publish menu only to those who may. */
    publish: !publicationRefusal(actor, "publish"),
  };
}
export type ArticlePermissions = ReturnType<typeof articlePermissions>;
