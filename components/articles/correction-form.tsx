"use client";
import Link from "next/link";
import { useRef, useState } from "react";
import { PlainTextEditor } from "@/components/editor/plain-text-editor";
import { useArticle } from "@/lib/queries/use-articles";
import { useClaims } from "@/lib/queries/use-claims";
import { useCorrectArticle } from "@/lib/queries/use-article-versions";
import { ApiError } from "@/lib/queries/api-client";
import { CORRECTION_REASON_MAX } from "@/lib/schemas/article";
import { CorrectionImpact } from "./correction-impact";
import "./article-tools.css";

type Base = { version: number; number: number; text: string };

/**
 * An editor corrects the article's text and says why. The version the editing
 * started from travels with the save, so a correction someone else saved
 * meanwhile is never overwritten silently (409); the text and reason typed
 * here survive any failure. The reason is shown in the versions list and the
 * reports, so the form asks for one before it saves.
 */
export function CorrectionForm({ articleId }: { articleId: string }) {
  const article = useArticle(articleId);
  const claims = useClaims(articleId);
  const correct = useCorrectArticle(articleId);
  const [base, setBase] = useState<Base | null>(null);
  const [text, setText] = useState("");
  const [reason, setReason] = useState("");
  const [reasonMissing, setReasonMissing] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  // What the editor was loaded with; a new key remounts it.
  const [seed, setSeed] = useState({ key: 0, text: "" });
  const data = article.data;
  const baseOf = (a: NonNullable<typeof data>): Base => ({
    version: a.version,
    number: a.currentVersion.number,
    text: a.currentVersion.text,
  });
  if (data && !base) {
    setBase(baseOf(data));
    setText(data.currentVersion.text);
    setSeed({ key: 1, text: data.currentVersion.text });
  }
  // Before the pending check: a failed first load (404, network) has no data, so `!base` would read as loading forever.
  // A failed background refetch keeps the data and must not replace the text being typed.
  if (article.error && !base)
    return (
      <p role="alert" className="form-error">
        {article.error.message}
      </p>
    );
  if (article.isPending || !base) return <p className="muted">Loading article…</p>;
  if (!data!.can.correct)
    return (
      <p role="alert" className="form-error">
        Only editors and admins can correct an article.
      </p>
    );

  if (correct.isSuccess) {
    const { article: saved, reanchored } = correct.data;
    return (
      <section className="correction-done" role="status">
        <h2>Saved as version {saved.currentVersion.number}</h2>
        <p data-testid="correction-reason">Reason: {reason.trim()}</p>
        <p>
          Claims: {reanchored.anchored} anchored, {reanchored.moved} moved, {reanchored.drifted} drifted, {reanchored.orphaned} orphaned.
          {reanchored.drifted + reanchored.orphaned > 0 &&
            " Drifted and orphaned claims are listed on the article page for an editor to settle."}
        </p>
        <div className="row-actions">
          <Link className="btn btn-primary" href={`/articles/${articleId}`}>
            Back to the article
          </Link>
          <Link className="btn" href={`/articles/${articleId}/versions`}>
            Compare versions
          </Link>
        </div>
      </section>
    );
  }

  function handleSave() {
    if (!reason.trim()) {
      setReasonMissing(true);
      reasonRef.current?.focus();
      return;
    }
    correct.mutate({ version: base!.version, text, reason: reason.trim() });
  }

  const conflict = correct.error instanceof ApiError && correct.error.status === 409 ? data! : null;
  return (
    <div className="correction-form">
      <p className="muted">
        Correcting version {base.number}. Saving makes version {base.number + 1}; version {base.number} is kept.
      </p>
      <div className="correction-grid">
        <PlainTextEditor key={seed.key} initialText={seed.text} onChange={setText} ariaLabel="Article text" />
        <CorrectionImpact oldText={base.text} newText={text} claims={claims.data ?? []} />
      </div>
      <label className="field">
        Why this correction?
        <textarea
          ref={reasonRef}
          className="correction-reason"
          value={reason}
          maxLength={CORRECTION_REASON_MAX}
          rows={2}
          aria-invalid={reasonMissing || (correct.error instanceof ApiError && correct.error.field === "reason") ? true : undefined}
          aria-describedby="correction-reason-help"
          onChange={(e) => {
            setReason(e.target.value);
            if (e.target.value.trim()) setReasonMissing(false);
          }}
        />
        <span
          id="correction-reason-help"
          className={reasonMissing ? "form-error" : "muted small field-help"}
          role={reasonMissing ? "alert" : undefined}
        >
          {reasonMissing
            ? "Say why you corrected the text: readers of the versions list and the reports see it."
            : "Shown in the versions list and the reports, e.g. “The visit was on Monday, not Sunday.”"}
        </span>
      </label>
      {correct.error && (
        <div role="alert" className="form-error">
          {correct.error.message}
          {conflict && conflict.version !== base.version && (
            <div className="row-actions">
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  setBase(baseOf(conflict));
                  correct.reset();
                }}
              >
                Keep my text and correct version {conflict.currentVersion.number} with it
              </button>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => {
                  setBase(baseOf(conflict));
                  setText(conflict.currentVersion.text);
                  setSeed({ key: seed.key + 1, text: conflict.currentVersion.text });
                  correct.reset();
                }}
              >
                Discard my edits and start from version {conflict.currentVersion.number}
              </button>
            </div>
          )}
        </div>
      )}
      <div className="row-actions">
        <button type="button" className="btn btn-primary" disabled={correct.isPending} onClick={handleSave}>
          {correct.isPending ? "Saving…" : "Save correction"}
        </button>
        <Link className="btn" href={`/articles/${articleId}`}>
          Cancel
        </Link>
      </div>
    </div>
  );
}
