"use client";
import { useCallback, useId, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { ApiError } from "@/lib/queries/api-client";
import { usePublication, usePublish, useRetract } from "@/lib/queries/use-publication";
import { formatDateTime } from "@/lib/format-date";
import type { PublicationDto } from "@/lib/schemas/publication";
import { FormError } from "@/components/ui/form-error";
import "./publish-menu.css";

/** The server's refusal of `field`, shown next to it (the API client has taken the field's name off its front). */
const fieldError = (e: unknown, field: string) => (e instanceof ApiError && e.field === field ? e.message : null);
const formError = (e: unknown) => (e instanceof Error && !(e instanceof ApiError && e.field) ? e.message : null);

/**
 * The article page's Publish menu, for members who may publish (the
 * article's `can.publish`): publish the fact-check at a public address,
 * publish it again with a note after a change, withdraw it with a reason, and
 * copy its embed snippet. Other members get no menu, only a link to the
 * public page once there is one (PublicPageLink).
 *
 * The forms leave checking to the server and show its refusal next to the
 * field (400 with `field`): no `required` or `maxLength` in the browser,
 * whose bubble vanished unseen (an empty address did nothing) and whose
 * `maxLength` cut a pasted 300-character address to 80 and published that.
 */
export function PublishMenu({ articleId }: { articleId: string }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(root, open, close);
  const publication = usePublication(articleId);
  const p = publication.data;
  const label = p?.status === "published" ? "Published" : p?.status === "retracted" ? "Withdrawn" : "Publish";
  return (
    <div className="export-menu publish-menu" ref={root}>
      <button
        type="button"
        className="btn"
        aria-haspopup="true"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="publish-menu"
      >
        {label} <span aria-hidden="true">▾</span>
      </button>
      <div className="export-menu-panel" role="region" aria-label="Publishing" hidden={!open}>
        <FormError error={publication.error} />
        {p && <PublicationPanel articleId={articleId} p={p} />}
      </div>
    </div>
  );
}

function PublicationPanel({ articleId, p }: { articleId: string; p: PublicationDto }) {
  return (
    <>
      {p.status === "unpublished" && <p className="export-menu-title">Not published</p>}
      {p.url && (
        <p className="export-menu-title">
          {p.status === "published" ? "Public at " : "Withdrawn from "}
          <a href={p.url} target="_blank" rel="noopener" data-testid="public-url">
            {p.url}
          </a>
        </p>
      )}
      {p.retraction && (
        <p className="muted small">
          Withdrawn {formatDateTime(p.retraction.at)}: {p.retraction.reason}
        </p>
      )}
      {p.status === "published" && (
        <p className="muted small">
          {p.claimCount} claim{p.claimCount === 1 ? "" : "s"} public, from version {p.versionNumber}.
        </p>
      )}
      {p.can.publish && <PublishForm key={`${p.status}-${p.version}`} articleId={articleId} p={p} />}
      {p.status === "published" && p.can.retract && <RetractForm key={`r-${p.version}`} articleId={articleId} p={p} />}
      {p.embed && (
        <label className="export-menu-field">
          Embed on another site
          <textarea readOnly rows={4} value={p.embed} onFocus={(e) => e.currentTarget.select()} data-testid="embed-snippet" />
        </label>
      )}
      <p className="muted small">
        <a href={p.feeds.index} target="_blank" rel="noopener">
          All the team’s fact-checks
        </a>{" "}
        · <a href={p.feeds.atom}>Atom</a> · <a href={p.feeds.rss}>RSS</a> · <a href={p.feeds.json}>JSON feed</a>
      </p>
    </>
  );
}

function PublishForm({ articleId, p }: { articleId: string; p: PublicationDto }) {
  const publish = usePublish(articleId);
  const [slug, setSlug] = useState(p.suggestedSlug);
  const [note, setNote] = useState("");
  const slugId = useId();
  const noteId = useId();
  const first = p.status === "unpublished";
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    publish.mutate(first ? { slug } : { version: p.version ?? undefined, note });
  };
  return (
    <form onSubmit={submit} className="publish-form" noValidate>
      {first ? (
        <label className="export-menu-field">
          Address
          <span className="publish-slug">
            <span className="muted small">…/{p.feeds.index.split("/").pop()}/</span>
            <input
              value={slug}
              onChange={(e) => setSlug(e.target.value)}
              aria-invalid={!!fieldError(publish.error, "slug")}
              aria-describedby={slugId}
            />
          </span>
        </label>
      ) : (
        <label className="export-menu-field">
          {p.status === "retracted" ? "Why it is published again" : "What changed"} <span className="muted small">(readers see it)</span>
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={2}
            aria-invalid={!!fieldError(publish.error, "note")}
            aria-describedby={noteId}
          />
        </label>
      )}
      <p id={first ? slugId : noteId} className="export-menu-hint is-invalid" role="alert">
        {fieldError(publish.error, first ? "slug" : "note")}
      </p>
      <FormError error={formError(publish.error)} />
      <button type="submit" className="btn btn-primary" disabled={publish.isPending}>
        {publish.isPending ? "Publishing…" : first ? "Publish fact-check" : p.status === "retracted" ? "Publish again" : "Publish update"}
      </button>
    </form>
  );
}

function RetractForm({ articleId, p }: { articleId: string; p: PublicationDto }) {
  const retract = useRetract(articleId);
  const [reason, setReason] = useState("");
  const [confirming, setConfirming] = useState(false);
  if (!confirming)
    return (
      <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
        Withdraw…
      </button>
    );
  return (
    <form
      role="alertdialog"
      aria-label="Withdraw this fact-check?"
      className="confirm-box publish-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        retract.mutate({ version: p.version!, reason });
      }}
    >
      <label className="export-menu-field">
        Why it is withdrawn <span className="muted small">(readers see it)</span>
        <textarea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          rows={2}
          aria-invalid={!!fieldError(retract.error, "reason")}
        />
      </label>
      <FormError error={retract.error} />
      <button type="submit" className="btn btn-danger" disabled={retract.isPending}>
        {retract.isPending ? "Withdrawing…" : "Withdraw fact-check"}
      </button>{" "}
      <button type="button" className="btn" onClick={() => setConfirming(false)}>
        Keep it public
      </button>
    </form>
  );
}

/** For members who may not publish: where the fact-check is public, once it is (nothing otherwise). */
export function PublicPageLink({ articleId }: { articleId: string }) {
  const p = usePublication(articleId).data;
  if (p?.status !== "published" || !p.url) return null;
  return (
    <a href={p.url} target="_blank" rel="noopener" data-testid="public-url">
      Public page
    </a>
  );
}
