"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ArticleViewer, type ViewerClaim, type ViewerSelection } from "@/components/editor/article-viewer";
import { ClaimPanel } from "@/components/claims/claim-panel";
import { VerdictPopover } from "@/components/claims/verdict-popover";
import { VERDICT_KEYS } from "@/components/claims/verdict-buttons";
import { useClaimDrafts } from "@/components/claims/claim-drafts";
import { Toast, type ToastMessage } from "@/components/ui/toast";
import { ArticleHeader } from "@/components/articles/article-header";
import { RoundBanner, StartReviewLink } from "@/components/review/round-banner";
import { OrphanList } from "@/components/claims/orphan-list";
import { OutcomePanel } from "@/components/claims/outcome-panel";
import { SidePanelTabs, type SidePanelMode } from "@/components/claims/side-panel-tabs";
import { useOutcomeView } from "@/components/claims/use-outcome-view";
import { useArticle } from "@/lib/queries/use-articles";
import { useClaimMutations, useClaims } from "@/lib/queries/use-claims";
import { VERDICTS, type ClaimDto, type Verdict } from "@/lib/schemas/claim";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { useDeepLink } from "@/components/discussion/use-deep-link";

const ignoreSelection = () => {};
const isTyping = (el: Element | null) =>
  !!el && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || (el as HTMLElement).isContentEditable);

/**
 * The article page: the text with claim highlights, the verdict popover and the claim panel;
 * or, on the Outcome tab, the final claims, read-only except that an editor re-places one a
 * correction left drifted or orphaned on words selected in the text (no tagging there).
 */
export function ArticleWorkspace({ articleId }: { articleId: string }) {
  const article = useArticle(articleId);
  const claims = useClaims(articleId);
  const mutations = useClaimMutations(articleId);
  const drafts = useClaimDrafts();
  const outcome = useOutcomeView(articleId);
  const showOutcome = outcome.mode === "outcome";
  const canPlace = !!article.data?.can?.placeAnchors;
  const [selection, setSelection] = useState<ViewerSelection | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editId, setEditId] = useState<string | null>(null);
  const [flash, setFlash] = useState<{ id: string; nonce: number } | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastId = useRef(0);
  const notify = useCallback((t: Omit<ToastMessage, "id">) => setToast({ ...t, id: ++toastId.current }), []);

  // A link to one claim (?claim=…, from a notification or e-mail) selects it once the claims are in;
  // a link to a final claim (?final=…) opens the Outcome tab at it. Once per link (state adjusted while rendering).
  const link = useDeepLink();
  const linkedClaim = link.claim && claims.data?.some((c) => c.id === link.claim) ? link.claim : null;
  const linkedFinal = link.final && outcome.available && outcome.claims.some((c) => c.id === link.final) ? link.final : null;
  const linked = linkedClaim ?? linkedFinal;
  const [followedLink, setFollowedLink] = useState<string | null>(null);
  if (linked && followedLink !== linked) {
    setFollowedLink(linked);
    if (linkedFinal) outcome.setMode("outcome");
    setSelectedId(linked);
    setFlash({ id: linked, nonce: 0 });
  }

  const text = article.data?.currentVersion.text ?? "";
  const versionId = article.data?.currentVersion.id ?? "";

  const viewerClaims = useMemo<ViewerClaim[]>(
    () => [
      ...(claims.data ?? []).map((c) => ({ id: c.id, start: c.start, end: c.end, verdict: c.verdict, state: "saved" as const })),
      ...drafts.drafts.map((d) => ({ id: d.clientId, start: d.start, end: d.end, verdict: d.verdict, state: d.state })),
    ],
    [claims.data, drafts.drafts],
  );

  const save = useCallback(
    (draft: { clientId: string; start: number; end: number; verdict: Verdict; exact: string }) => {
      mutations.create.mutate(
        { versionId, start: draft.start, end: draft.end, verdict: draft.verdict, exact: draft.exact, clientId: draft.clientId },
        {
          onSuccess: (claim) => {
            drafts.remove(draft.clientId);
            setSelectedId(claim.id);
            setEditId(claim.id);
          },
          onError: (error) => drafts.update(draft.clientId, { state: "failed", error: error.message }),
        },
      );
    },
    [mutations.create, drafts, versionId],
  );

  const tag = useCallback(
    (verdict: Verdict) => {
      if (!selection) return;
      const draft = { clientId: crypto.randomUUID(), versionId, start: selection.start, end: selection.end, verdict, exact: sliceCodePoints(text, selection.start, selection.end) };
      drafts.add({ ...draft, state: "pending" });
      setSelection(null);
      window.getSelection()?.removeAllRanges();
      save(draft);
    },
    [selection, versionId, text, drafts, save],
  );

  // V, D and U tag the selection while one is active (and the user is not typing); the Outcome never tags.
  useEffect(() => {
    if (!selection || showOutcome) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(document.activeElement)) return;
      const verdict = VERDICTS.find((v) => VERDICT_KEYS[v] === e.key.toUpperCase());
      if (verdict) {
        e.preventDefault();
        tag(verdict);
      } else if (e.key === "Escape") setSelection(null);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selection, showOutcome, tag]);

  const handleDelete = useCallback(
    (claim: ClaimDto) => {
      mutations.remove.mutate(claim, {
        onSuccess: (deleted) =>
          notify({ text: `Claim deleted: “${truncate(claim.exact)}”`, action: { label: "Undo", run: () => mutations.restore.mutate(deleted) } }),
        onError: (e) => notify({ text: `Could not delete the claim: ${e.message}`, tone: "error" }),
      });
    },
    [mutations.remove, mutations.restore, notify],
  );

  const handleSelect = (id: string) => {
    setSelectedId(id);
    setFlash({ id, nonce: Date.now() });
  };
  const handleMode = (mode: SidePanelMode) => {
    // A selection made for tagging is not one made for placing a final claim, nor the other way round.
    setSelection(null);
    outcome.setMode(mode);
  };

  if (article.isPending) return <p className="muted">Loading article…</p>;
  if (article.error) return <p role="alert" className="form-error">{article.error.message}</p>;

  return (
    <div className="workspace">
      <section className="workspace-text" aria-label="Article text">
        <ArticleHeader article={article.data} />
        <RoundBanner articleId={articleId} />
        {!showOutcome && <OrphanList articleId={articleId} claims={claims.data ?? []} canPlace={!!article.data.can?.placeAnchors} selection={selection} onPlaced={() => setSelection(null)} />}
        <ArticleViewer
          text={text}
          claims={showOutcome ? outcome.viewerClaims : viewerClaims}
          selectedClaimId={selectedId}
          flash={flash}
          onClaimClick={(id) => setSelectedId(id)}
          onSelectionChange={showOutcome && !canPlace ? ignoreSelection : setSelection}
        />
        <StartReviewLink articleId={articleId} />
        {selection && !showOutcome && <VerdictPopover rect={selection.rect} onPick={tag} />}
      </section>
      <SidePanelTabs
        showTabs={outcome.available}
        mode={outcome.mode}
        onModeChange={handleMode}
        outcome={
          <OutcomePanel
            articleId={articleId}
            claims={outcome.claims}
            loading={outcome.loading}
            error={outcome.error}
            selectedId={selectedId}
            onSelect={handleSelect}
            canPlace={canPlace}
            selection={showOutcome ? selection : null}
            onPlaced={() => {
              setSelection(null);
              window.getSelection()?.removeAllRanges();
            }}
          />
        }
        annotations={
          <ClaimPanel
            claims={claims.data ?? []}
            loading={claims.isPending}
            error={claims.error?.message ?? null}
            drafts={drafts.drafts}
            selectedId={selectedId}
            editId={editId}
            onSelect={handleSelect}
            onVerdict={(claim, verdict) =>
              mutations.update.mutate({ claim, verdict }, { onError: (e) => notify({ text: `The verdict was not changed: ${e.message}`, tone: "error" }) })
            }
            onSaveRationale={(claim, rationale) => mutations.update.mutateAsync({ claim, rationale })}
            onDelete={handleDelete}
            onRetry={(d) => {
              drafts.update(d.clientId, { state: "pending", error: undefined });
              save(d);
            }}
            onDiscard={(d) => drafts.remove(d.clientId)}
          />
        }
      />
      <Toast toast={toast} onDismiss={() => setToast(null)} />
    </div>
  );
}

const truncate = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);
