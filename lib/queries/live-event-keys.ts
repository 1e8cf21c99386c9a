import type { LiveEvent } from "@/lib/events/live-event";
import { queryKeys } from "./keys";
import { reviewKeys } from "./review-keys";

/**
 * The react-query keys (prefixes) an event makes stale. Broad on purpose:
 * only queries a screen actually shows refetch, and events carry no content
 * to patch the cache with.
 */
export function keysForEvent(e: LiveEvent): (readonly string[])[] {
  const article = e.article ? [queryKeys.article(e.article)] : [];
  switch (e.kind) {
    case "annotation":
      // An editor's annotation outside rounds is a final claim itself.
      return [...(e.article ? [queryKeys.claims(e.article), queryKeys.finalClaims(e.article), reviewKeys.articleRound(e.article)] : []), reviewKeys.all(), queryKeys.articles()];
    case "round":
      return [...article, reviewKeys.all(), reviewKeys.queue(), reviewKeys.notifications()];
    case "cluster":
      return [...article, reviewKeys.all()];
    case "comment":
      return [reviewKeys.comments(e.id), ...(e.article ? [reviewKeys.discussions(e.article)] : []), reviewKeys.all()];
    case "notification":
      return [reviewKeys.notifications()];
    case "article":
      // A correction (new text, every claim re-anchored on it), new details, or a delete that takes its rounds out of the lists.
      return [...article, ...(e.article ? [queryKeys.claims(e.article)] : []), queryKeys.articles(), reviewKeys.all(), reviewKeys.queue()];
  }
}
