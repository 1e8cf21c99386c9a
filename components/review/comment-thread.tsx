"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import type { MentionCandidate } from "@/components/editor/mention-suggestion";
import { useCommentMutations, useComments } from "@/lib/queries/use-comments";
import { useMembers } from "@/lib/queries/use-reviews";
import type { CommentDto, CommentThread as Thread } from "@/lib/schemas/comment";
import { FormError } from "@/components/ui/form-error";
import { useKeptDraft } from "@/components/ui/use-kept-draft";
import "./review.css";
import { formatDateTime } from "@/lib/format-date";

type Props = {
  thread: Thread;
  /** The article, so the claim cards' counts refresh after a change. */
  articleId?: string;
  /** A comment to show and mark (a deep link's `comment=`). */
  focusCommentId?: string | null;
};

/** What kept drafts of comments on `thread`'s claim start with (../ui/use-kept-draft.ts); a reply's goes on with its thread. */
export const commentDrafts = (thread: Thread) => `comment:${thread.annotationId ?? ""}:${thread.clusterId ?? ""}:${thread.claimId ?? ""}:`;

/**
 * A claim's discussion: threads, each a first comment and its replies, that
 * are resolved and reopened; "@" offers teammates to mention (they are
 * notified). A failed post keeps the text.
 */
export function CommentThread({ thread, articleId, focusCommentId }: Props) {
  const comments = useComments(thread);
  const m = useCommentMutations(thread, articleId);
  const members = useMembers();
  // null until the members are in: an "@" typed before then waits for them (none to offer if they failed to load).
  const candidates = useMemo<MentionCandidate[] | null>(
    () => members.data?.map((p) => ({ id: p.id, label: p.name ?? p.email, detail: p.email })) ?? (members.isError ? [] : null),
    [members.data, members.isError],
  );
  const [error, setError] = useState<string | null>(null);
  const fail = (e: Error) => setError(e.message);

  const draftOf = (parentId?: string) => `${commentDrafts(thread)}${parentId ?? "new"}`;
  const list = comments.data ?? [];
  const roots = list.filter((c) => !c.parentId);
  const replies = (id: string) => list.filter((c) => c.parentId === id);

  const focused = useRef<HTMLElement | null>(null);
  const hasFocus = !!focusCommentId && list.some((c) => c.id === focusCommentId);
  useEffect(() => {
    if (hasFocus) focused.current?.scrollIntoView({ block: "center" });
  }, [hasFocus]);

  return (
    <div className="comment-thread" data-testid="comment-thread">
      {comments.isPending && <p className="muted">Loading the discussion…</p>}
      <FormError error={comments.error} />
      {comments.data?.length === 0 && <p className="muted small">No comments yet.</p>}
      {roots.map((root) => (
        <section
          key={root.id}
          className={`discussion-thread${root.resolved ? " is-resolved" : ""}`}
          data-testid="discussion-thread"
          data-resolved={root.resolved ? "true" : "false"}
          aria-label={`Thread by ${root.author.name ?? "a teammate"}`}
        >
          {[root, ...replies(root.id)].map((c) => (
            <Comment
              key={c.id}
              c={c}
              focused={c.id === focusCommentId}
              focusRef={focused}
              onDelete={() => m.remove.mutate(c, { onError: fail })}
            />
          ))}
          {root.resolved && (
            <p className="muted small" data-testid="thread-resolved">
              Resolved by {root.resolved.by?.name ?? "a teammate"} · {formatDateTime(root.resolved.at)}
            </p>
          )}
          <div className="row-actions">
            {root.can.resolve && (
              <button
                type="button"
                className="btn btn-small"
                disabled={m.resolve.isPending}
                onClick={() => m.resolve.mutate({ comment: root, resolved: !root.resolved }, { onError: fail })}
              >
                {root.resolved ? "Reopen" : "Resolve"}
              </button>
            )}
          </div>
          {!root.resolved && (
            <Composer
              draft={draftOf(root.id)}
              label="Reply"
              placeholder="Reply… @ to mention a teammate"
              candidates={candidates}
              onPost={(body) => m.post.mutateAsync({ body, parentId: root.id })}
              collapsed
            />
          )}
        </section>
      ))}
      <FormError error={error} />
      <Composer
        draft={draftOf()}
        label={roots.length ? "Start a new thread" : "Comment"}
        placeholder="Write a comment… @ to mention a teammate"
        candidates={candidates}
        onPost={(body) => m.post.mutateAsync({ body })}
      />
    </div>
  );
}

function Comment({
  c,
  focused,
  focusRef,
  onDelete,
}: {
  c: CommentDto;
  focused: boolean;
  focusRef: React.RefObject<HTMLElement | null>;
  onDelete: () => void;
}) {
  return (
    <article
      id={`comment-${c.id}`}
      ref={focused ? focusRef : undefined}
      className={`comment${c.parentId ? " comment--reply" : ""}${focused ? " is-focused" : ""}`}
      data-testid="comment"
      data-comment-id={c.id}
      aria-current={focused ? "true" : undefined}
    >
      <div className="comment-by">
        {c.author.name} · {formatDateTime(c.createdAt)}
        {c.editedAt && " · edited"}
        {c.mentions.length > 0 && ` · notified ${c.mentions.map((p) => p.name).join(", ")}`}
      </div>
      {c.deletedAt ? (
        <p className="muted small">Comment deleted.</p>
      ) : (
        // Sanitized on save.
        <div className="rich-text" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      )}
      {c.can.delete && (
        <button type="button" className="btn btn-link btn-small" onClick={onDelete}>
          Delete
        </button>
      )}
    </article>
  );
}

/** An editor and its Post button; with `collapsed`, a Reply button until opened. */
function Composer({
  draft,
  label,
  placeholder,
  candidates,
  onPost,
  collapsed,
}: {
  /** What the kept draft is for (`comment:…`). */
  draft: string;
  label: string;
  placeholder: string;
  candidates: MentionCandidate[] | null;
  onPost: (body: string) => Promise<unknown>;
  collapsed?: boolean;
}) {
  const { value: body, setValue: setBody, restored, forget } = useKeptDraft(draft, "");
  const [opened, setOpen] = useState(!collapsed);
  // A reply typed and not posted before the page was left opens its composer again.
  const open = opened || restored;
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Remounting the editor after a post clears it (it keeps its own document otherwise).
  const [editorKey, setEditorKey] = useState(0);
  if (!open)
    return (
      <button type="button" className="btn btn-small" onClick={() => setOpen(true)}>
        {label}
      </button>
    );

  async function post() {
    if (!body || pending) return;
    setError(null);
    setPending(true);
    try {
      await onPost(body);
      forget();
      setBody("");
      setEditorKey((k) => k + 1);
      if (collapsed) setOpen(false);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="comment-composer">
      <RichTextEditor
        key={editorKey}
        value={body}
        onChange={setBody}
        ariaLabel={label}
        placeholder={placeholder}
        onSubmit={post}
        mentions={candidates}
        autoFocus={collapsed}
      />
      <FormError error={error} />
      <div className="row-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={pending || !body} onClick={post}>
          {pending ? "Posting…" : collapsed ? "Post reply" : "Post comment"}
        </button>
        {collapsed && (
          <button
            type="button"
            className="btn btn-small"
            onClick={() => {
              forget();
              setBody("");
              setEditorKey((k) => k + 1);
              setOpen(false);
            }}
          >
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
