"use client";
import { useState } from "react";
import { RichTextEditor } from "@/components/editor/rich-text-editor";
import { useComments, usePostComment } from "@/lib/queries/use-comments";
import type { CommentThread as Thread } from "@/lib/schemas/comment";

/** A cluster's or claim's discussion. "@name" or "@email-name" notifies a teammate. A failed post keeps the text. */
export function CommentThread({ thread }: { thread: Thread }) {
  const comments = useComments(thread);
  const post = usePostComment(thread);
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  // Remounting the editor after a post clears it (it keeps its own document otherwise).
  const [editorKey, setEditorKey] = useState(0);

  function handlePost() {
    setError(null);
    post.mutate(body, {
      onSuccess: () => {
        setBody("");
        setEditorKey((k) => k + 1);
      },
      onError: (e) => setError(e.message),
    });
  }

  return (
    <div className="comment-thread" data-testid="comment-thread">
      {comments.isPending && <p className="muted">Loading the discussion…</p>}
      {comments.error && <p role="alert" className="form-error">{comments.error.message}</p>}
      {comments.data?.length === 0 && <p className="muted small">No comments yet.</p>}
      {comments.data?.map((c) => (
        <div key={c.id} className="comment" data-testid="comment">
          <div className="comment-by">
            {c.author.name} · {c.createdAt.slice(0, 16).replace("T", " ")}
            {c.mentions.length > 0 && ` · notified ${c.mentions.map((m) => m.name).join(", ")}`}
          </div>
          {/* Sanitized on save. */}
          <div className="rich-text" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
        </div>
      ))}
      <RichTextEditor key={editorKey} value={body} onChange={setBody} ariaLabel="Comment" placeholder="Write a comment… @name notifies a teammate" onSubmit={handlePost} />
      {error && <p role="alert" className="form-error">{error}</p>}
      <div className="row-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={post.isPending || !body} onClick={handlePost}>
          {post.isPending ? "Posting…" : "Post comment"}
        </button>
      </div>
    </div>
  );
}
