"use client";
import { useState } from "react";
import { CommentThread, commentDrafts } from "@/components/review/comment-thread";
import { useHasKeptDraftUnder } from "@/components/ui/use-kept-draft";
import { useDiscussionCounts } from "@/lib/queries/use-comments";
import { useDeepLink } from "./use-deep-link";

/**
 * A claim card's discussion: a button with its comment count (and open
 * threads) that opens the threads. Opens by itself when the page's address
 * names this claim with `discuss=1` (a notification's or e-mail's link), or
 * when a comment typed here was not posted before the page was left.
 */
export function ClaimDiscussion({ articleId, annotationId }: { articleId: string; annotationId: string }) {
  const link = useDeepLink();
  const linked = link.claim === annotationId && link.discuss;
  // A comment typed here and not posted before the page was left opens the discussion again.
  const drafted = useHasKeptDraftUnder(commentDrafts({ annotationId }));
  const [toggled, setOpen] = useState<boolean | null>(null);
  const open = toggled ?? (linked || drafted);
  const counts = useDiscussionCounts(articleId);
  const count = counts.data?.[annotationId];
  const comments = count?.comments ?? 0;
  const label = `Discussion, ${comments} comment${comments === 1 ? "" : "s"}${count?.open ? `, ${count.open} open` : ""}`;
  return (
    <div className="claim-discussion">
      <button
        type="button"
        className="btn btn-small discussion-toggle"
        aria-expanded={open}
        aria-label={label}
        onClick={() => setOpen(!open)}
        data-testid="discussion-toggle"
      >
        Discussion{" "}
        <span className="count" data-testid="discussion-count">
          {comments}
        </span>
        {count?.open ? <span className="muted small"> · {count.open} open</span> : null}
      </button>
      {open && <CommentThread thread={{ annotationId }} articleId={articleId} focusCommentId={linked ? link.comment : null} />}
    </div>
  );
}
