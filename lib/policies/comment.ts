import type { Role } from "./roles";
import { may } from "./permissions";

/**
 * Who may do what in a discussion. Pure: the use cases throw the refusal (403)
 * and the comment DTOs carry `can` so the thread hides what the server would
 * refuse. Who may *see* a discussion is blind review's rule
 * (lib/policies/visibility.ts): the discussion of a claim is as visible as the claim.
 */
export type CommentActor = { id: string; role: Role };
/** A comment as the rule sees it: its author, whether it starts a thread, whether it is deleted. */
export type CommentSubject = { authorId: string; parentId: string | null; deletedAt?: Date | string | null };
/** Whose claim the discussion is about (an annotation's author), when it is one person's. */
export type DiscussionSubject = { claimAuthorId: string | null };

/** Why `actor` may not edit or delete `comment`, or null when they may: only its author, and not once deleted. */
export function commentChangeRefusal(actor: CommentActor, comment: CommentSubject): string | null {
  if (comment.deletedAt) return "This comment was deleted.";
  if (comment.authorId !== actor.id) return "Only its author may change a comment.";
  return null;
}

/**
 * Why `actor` may not resolve or reopen the thread that `root` starts, or
 * null when they may: whoever started the thread, whoever made the claim,
 * and the desk's editors and admins. A reply is not a thread.
 */
export function threadResolveRefusal(actor: CommentActor, root: CommentSubject, discussion: DiscussionSubject): string | null {
  if (root.parentId) return "Only a thread's first comment resolves it.";
  if (root.authorId === actor.id || discussion.claimAuthorId === actor.id || may(actor, "discussion.resolveAny")) return null;
  return "Only whoever started the thread, the claim's author, or an editor resolves a thread.";
}

/** What the client may do with one comment. */
export function commentPermissions(actor: CommentActor, comment: CommentSubject, discussion: DiscussionSubject) {
  const change = !commentChangeRefusal(actor, comment);
  return { edit: change, delete: change, resolve: !threadResolveRefusal(actor, comment, discussion) };
}
