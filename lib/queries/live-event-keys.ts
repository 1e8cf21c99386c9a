import type { LiveEvent } from "@/lib/events/live-event";
import { queryKeys } from "./keys";
import { reviewKeys } from "./review-keys";

/**
 * The react-query keys (prefixes) an event makes stale, beside what
 * lib/queries/live-updates.ts patches in place: a claim's change is written
 * into the article's claims list from one read of that claim, and new
 * article details keep the text already held. Only queries a screen shows
 * refetch; the rest are marked stale for when they are next shown. The
 * article's text is under `queryKeys.article`: only a correction (or a
 * delete) names that prefix.
 */
export function keysForEvent(e: LiveEvent): (readonly string[])[] {
  const a = e.article;
  switch (e.kind) {
    case "annotation":
      // An editor's annotation outside rounds is a final claim itself (`outcome`).
      return [...(a && e.outcome ? [queryKeys.finalClaims(a)] : []), reviewKeys.all()];
    case "round":
      // A round moving changes who sees which claims (blind review), the outcome, and whether the text may be corrected.
      return [
        ...(a ? [queryKeys.claims(a), queryKeys.finalClaims(a), reviewKeys.articleRound(a), queryKeys.versions(a)] : []),
        reviewKeys.all(),
        reviewKeys.queue(),
        reviewKeys.notifications(),
      ];
    case "cluster":
      return [...(a ? [queryKeys.finalClaims(a), reviewKeys.articleRound(a)] : []), reviewKeys.all()];
    case "comment":
      return [reviewKeys.comments(e.id), ...(e.article ? [reviewKeys.discussions(e.article)] : []), reviewKeys.all()];
    case "notification":
      return [reviewKeys.notifications()];
    case "article":
      // A correction (new text, every claim re-anchored on it) or a delete that takes its rounds out of the lists;
      // new details are read without the text (live-updates.ts).
      return [...(a && (e.text || e.removed) ? [queryKeys.article(a)] : []), reviewKeys.all(), reviewKeys.queue()];
  }
}

/** Whether the event changes what the article lists show (claim counts, review states, details). */
export const touchesArticleLists = (e: LiveEvent) => e.kind === "annotation" || e.kind === "round" || e.kind === "article";
