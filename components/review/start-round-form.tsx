"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useArticles } from "@/lib/queries/use-articles";
import { useMembers, useStartRound } from "@/lib/queries/use-reviews";
import { ApiError } from "@/lib/queries/api-client";
import { FormError } from "@/components/ui/form-error";
import "./review.css";
import { canAdjudicateRole } from "@/lib/policies/round";

/** An editor starts a blind review: article, reviewers, adjudicator and an optional due date. */
export function StartRoundForm({ defaultArticleId }: { defaultArticleId?: string }) {
  const articles = useArticles();
  const members = useMembers();
  const start = useStartRound();
  const router = useRouter();
  const [articleId, setArticleId] = useState(defaultArticleId ?? "");
  const [reviewerIds, setReviewerIds] = useState<string[]>([]);
  const [adjudicatorId, setAdjudicatorId] = useState("");
  const [dueDate, setDueDate] = useState("");
  const error = start.error instanceof ApiError ? start.error : null;
  const fieldError = (f: string) =>
    error?.field === f ? (
      <span className="field-error" role="alert">
        {error.message}
      </span>
    ) : null;
  const adjudicators = (members.data ?? []).filter((m) => canAdjudicateRole(m.role));

  function handleSubmit(e: FormEvent) {
    e.preventDefault();
    start.mutate(
      { articleId, reviewerIds, adjudicatorId, dueDate: dueDate || null },
      { onSuccess: (round) => router.push(`/reviews/${round.id}`) },
    );
  }
  const toggle = (id: string) => setReviewerIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  return (
    <form className="review-form" onSubmit={handleSubmit} aria-label="Start a review">
      <h2>Start a review</h2>
      <label className="field">
        Article
        <select value={articleId} onChange={(e) => setArticleId(e.target.value)} required>
          <option value="">Choose an article…</option>
          {(articles.data ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              {a.title}
            </option>
          ))}
        </select>
        {fieldError("articleId")}
      </label>
      <fieldset>
        <legend>Reviewers</legend>
        {(members.data ?? []).map((m) => (
          <label key={m.id}>
            <input type="checkbox" checked={reviewerIds.includes(m.id)} onChange={() => toggle(m.id)} /> {m.name ?? m.email}
          </label>
        ))}
        {fieldError("reviewerIds")}
      </fieldset>
      <label className="field">
        Adjudicator
        <select value={adjudicatorId} onChange={(e) => setAdjudicatorId(e.target.value)} required>
          <option value="">Choose an editor…</option>
          {adjudicators.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name ?? m.email}
            </option>
          ))}
        </select>
        {fieldError("adjudicatorId")}
      </label>
      <label className="field">
        Due date (optional)
        {/* The server's day may differ from the browser's near midnight: the browser's is the one the picker needs. */}
        <input type="date" value={dueDate} min={today()} onChange={(e) => setDueDate(e.target.value)} suppressHydrationWarning />
        {fieldError("dueDate")}
      </label>
      <FormError error={error && !error.field && error.message} />
      <div>
        <button type="submit" className="btn btn-primary" disabled={start.isPending || reviewerIds.length === 0}>
          {start.isPending ? "Starting…" : "Start the review"}
        </button>
      </div>
    </form>
  );
}

/** This browser's calendar day, the earliest due date its picker offers (the server takes any day not yet past anywhere). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}
