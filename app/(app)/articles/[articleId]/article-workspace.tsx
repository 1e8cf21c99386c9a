"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ArticleViewer, type ViewerClaim, type ViewerSelection } from "@/components/editor/article-viewer";
import { ClaimPanel } from "@/components/claims/claim-panel";
import { OutcomeTagHint, VerdictPopover } from "@/components/claims/verdict-popover";
import { VERDICT_KEYS } from "@/components/claims/verdict-buttons";
import { useClaimDrafts } from "@/components/claims/claim-drafts";
import { Toast, type ToastMessage } from "@/components/ui/toast";
import { ArticleHeader } from "@/components/articles/article-header";
import { RoundBanner, StartReviewLink } from "@/components/review/round-banner";
import { OrphanList } from "@/components/claims/orphan-list";
import { needsEditor } from "@/components/claims/final-claim-anchor";
import { OutcomePanel } from "@/components/claims/outcome-panel";
import { SidePanelTabs, type SidePanelMode } from "@/components/claims/side-panel-tabs";
import { useOutcomeView } from "@/components/claims/use-outcome-view";
import { useArticle } from "@/lib/queries/use-articles";
import { useClaimMutations, useClaims } from "@/lib/queries/use-claims";
import { VERDICT_LABELS, VERDICTS, type ClaimDto, type Verdict } from "@/lib/schemas/claim";
import { ApiError } from "@/lib/queries/api-client";
import { sliceCodePoints } from "@/lib/anchoring/offsets";
import { spanOverlapIndex } from "@/lib/anchoring/span-overlap";
import { useDeepLink } from "@/components/discussion/use-deep-link";
import { useSearchParams } from "next/navigation";
import { SuggestionPopover } from "@/components/assist/suggestion-popover";
import { useSuggestionDecision, useSuggestions } from "@/lib/queries/use-assist";
import type { SuggestionDto } from "@/lib/schemas/assist";
import { QueryFallback } from "@/components/ui/query-fallback";
import { useCurrentMember } from "@/components/ui/current-member";
import { sameWords } from "@/components/claims/same-words";

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
  const drafts = useClaimDrafts(articleId);
  // A kept tag whose save did reach the server before the page was left (claim-drafts.ts) is that claim: no draft.
  const { drafts: draftList, remove: removeDraft } = drafts;
  useEffect(() => {
    if (!draftList.length || !claims.data) return;
    const saved = new Set(claims.data.map((c) => c.id));
    for (const d of draftList) if (saved.has(d.clientId)) removeDraft(d.clientId);
  }, [draftList, claims.data, removeDraft]);
  const me = useCurrentMember();
  const outcome = useOutcomeView(articleId);
  const showOutcome = outcome.mode === "outcome";
  const canPlace = !!article.data?.can?.placeAnchors;
  const [selection, setSelection] = useState<ViewerSelection | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  // A claim being re-placed after a correction: a selection meanwhile is for placing it, never for tagging.
  const [placingId, setPlacingId] = useState<string | null>(null);
  const placing = !!placingId && !!claims.data?.some((c) => c.id === placingId && !c.deletedAt && needsEditor(c));
  const tagging = !showOutcome && !placing;
  // On the Outcome, an editor's selection may be for placing a final claim a correction unsettled (its card's "Place here").
  const placingFinal = showOutcome && canPlace && outcome.claims.some(needsEditor);
  const [editId, setEditId] = useState<string | null>(null);
  const [flash, setFlash] = useState<{ id: string; nonce: number } | null>(null);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const toastId = useRef(0);
  const suggestions = useSuggestions(articleId, !showOutcome);
  const decideSuggestion = useSuggestionDecision(articleId);
  const [activeSuggestion, setActiveSuggestion] = useState<{ suggestion: SuggestionDto; rect: ViewerSelection["rect"] } | null>(null);
  // "Also in N other articles" links open an article at the sentence: ?at=start-end (code points).
  const atParam = useSearchParams().get("at");
  const located = useMemo(() => {
    const m = atParam?.match(/^(\d+)-(\d+)$/);
    return m ? { start: Number(m[1]), end: Number(m[2]) } : null;
  }, [atParam]);
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

  // Suggestions under a claim or a draft would only compete with it: those are left out.
  const viewerSuggestions = useMemo(() => {
    if (showOutcome || suggestions.data?.versionId !== versionId) return [];
    const underClaim = spanOverlapIndex(viewerClaims);
    return suggestions.data.suggestions
      .filter((s) => !underClaim(s.start, s.end))
      .map((s) => ({
        start: s.start,
        end: s.end,
        title: `Suggested claim — ${s.reasons.join("; ")}${s.speaker ? `. Speaker: ${s.speaker}` : ""}`,
      }));
  }, [showOutcome, suggestions.data, versionId, viewerClaims]);

  /** Selects a claim's card and flashes its highlight. */
  const handleSelect = useCallback((id: string) => {
    setSelectedId(id);
    setFlash({ id, nonce: Date.now() });
  }, []);
  const save = useCallback(
    (draft: { clientId: string; start: number; end: number; verdict: Verdict; exact: string; speaker?: string | null }) => {
      mutations.create.mutate(
        {
          versionId,
          start: draft.start,
          end: draft.end,
          verdict: draft.verdict,
          exact: draft.exact,
          clientId: draft.clientId,
          ...(draft.speaker ? { speaker: draft.speaker } : {}),
        },
        {
          onSuccess: (claim) => {
            drafts.remove(draft.clientId);
            setSelectedId(claim.id);
            setEditId(claim.id);
          },
          onError: (error) => {
            // Words this person tagged already (from another tab, or before this page heard of it): open that claim.
            const tagged = error instanceof ApiError && error.status === 409 ? (error.current as ClaimDto | undefined) : undefined;
            if (!tagged?.id) return drafts.update(draft.clientId, { state: "failed", error: error.message });
            drafts.remove(draft.clientId);
            notify({ text: `You tagged these words ${VERDICT_LABELS[tagged.verdict]} already: that claim is open.` });
            handleSelect(tagged.id);
          },
        },
      );
    },
    [mutations.create, drafts, versionId, notify, handleSelect],
  );

  // Claims the viewer can see on exactly the selected words: their own is changed, not tagged twice (same-words.ts).
  const memberId = me?.id ?? null;
  const same = useMemo(
    () => (selection ? sameWords(selection, claims.data ?? [], drafts.drafts, memberId) : null),
    [selection, claims.data, drafts.drafts, memberId],
  );
  /** The selection is done with: the popover closes and the page's selection goes too. */
  const clearSelection = useCallback(() => {
    setSelection(null);
    window.getSelection()?.removeAllRanges();
  }, []);
  const openClaim = useCallback(
    (id: string) => {
      clearSelection();
      handleSelect(id);
    },
    [clearSelection, handleSelect],
  );

  const tag = useCallback(
    (verdict: Verdict) => {
      if (!selection || same?.kind === "saving") return;
      if (same?.kind === "own") {
        const { claim } = same;
        if (!claim.can.edit) return;
        if (claim.verdict !== verdict)
          mutations.update.mutate(
            { claim, verdict },
            { onError: (e) => notify({ text: `The verdict was not changed: ${e.message}`, tone: "error" }) },
          );
        return openClaim(claim.id);
      }
      // The speaker the text names for the sentence the selection starts in, for the person to keep or change.
      const speaker =
        suggestions.data?.versionId === versionId
          ? suggestions.data.speakers.find((s) => s.start <= selection.start && selection.start < s.end)?.speaker
          : undefined;
      const draft = {
        clientId: crypto.randomUUID(),
        versionId,
        start: selection.start,
        end: selection.end,
        verdict,
        exact: sliceCodePoints(text, selection.start, selection.end),
        speaker,
      };
      drafts.add({ ...draft, state: "pending" });
      clearSelection();
      save(draft);
    },
    [selection, same, openClaim, clearSelection, mutations.update, notify, versionId, text, drafts, save, suggestions.data],
  );

  const acceptSuggestion = useCallback(
    (suggestion: SuggestionDto, verdict: Verdict) => {
      setActiveSuggestion(null);
      const draft = {
        clientId: crypto.randomUUID(),
        versionId,
        start: suggestion.start,
        end: suggestion.end,
        verdict,
        exact: sliceCodePoints(text, suggestion.start, suggestion.end),
        speaker: suggestion.speaker,
      };
      drafts.add({ ...draft, state: "pending" });
      save(draft);
      // The team's model learns from the accept (the claim itself is saved above, as any tag is).
      decideSuggestion.mutate({ versionId, suggestion, decision: "accept" });
    },
    [versionId, text, drafts, save, decideSuggestion],
  );
  const dismissSuggestion = useCallback(
    (suggestion: SuggestionDto) => {
      setActiveSuggestion(null);
      decideSuggestion.mutate(
        { versionId, suggestion, decision: "dismiss" },
        { onError: (e) => notify({ text: `The suggestion was not dismissed: ${e.message}`, tone: "error" }) },
      );
    },
    [versionId, decideSuggestion, notify],
  );
  const openSuggestion = useCallback(
    (s: { start: number; end: number }, rect: ViewerSelection["rect"]) => {
      const found = suggestions.data?.suggestions.find((x) => x.start === s.start && x.end === s.end);
      if (found) setActiveSuggestion({ suggestion: found, rect });
    },
    [suggestions.data],
  );

  // V, D and U tag the selection while one is active (and the user is not typing); the Outcome never tags,
  // nor does a selection made to re-place a claim (Escape stops re-placing).
  useEffect(() => {
    if (placing) {
      const onEscape = (e: KeyboardEvent) => e.key === "Escape" && setPlacingId(null);
      window.addEventListener("keydown", onEscape);
      return () => window.removeEventListener("keydown", onEscape);
    }
    if (!selection) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || isTyping(document.activeElement)) return;
      // Escape closes whichever popover the selection brought up (the verdict picker, or the Outcome's hint).
      if (e.key === "Escape") return setSelection(null);
      const verdict = tagging && VERDICTS.find((v) => VERDICT_KEYS[v] === e.key.toUpperCase());
      if (verdict) {
        e.preventDefault();
        tag(verdict);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [selection, tagging, placing, tag]);

  const handleDelete = useCallback(
    (claim: ClaimDto) => {
      mutations.remove.mutate(claim, {
        onSuccess: (deleted) =>
          notify({
            text: `Claim deleted: “${truncate(claim.exact)}”`,
            action: { label: "Undo", run: () => mutations.restore.mutate(deleted) },
          }),
        onError: (e) => notify({ text: `Could not delete the claim: ${e.message}`, tone: "error" }),
      });
    },
    [mutations.remove, mutations.restore, notify],
  );

  const handleMode = (mode: SidePanelMode) => {
    // A selection made for tagging is not one made for placing a final claim, nor the other way round.
    setSelection(null);
    outcome.setMode(mode);
  };

  if (article.isPending || article.error) return <QueryFallback error={article.error} loading="Loading article…" />;

  return (
    <div className="workspace">
      <section className="workspace-text" aria-label="Article text">
        <ArticleHeader article={article.data} />
        <RoundBanner articleId={articleId} />
        {!showOutcome && (
          <OrphanList
            articleId={articleId}
            claims={claims.data ?? []}
            canPlace={!!article.data.can?.placeAnchors}
            selection={selection}
            onPlaced={() => setSelection(null)}
            placingId={placingId}
            onPlacingChange={setPlacingId}
          />
        )}
        <ArticleViewer
          text={text}
          lineKinds={article.data?.currentVersion.lineKinds}
          claims={showOutcome ? outcome.viewerClaims : viewerClaims}
          selectedClaimId={selectedId}
          flash={flash}
          onClaimClick={(id) => setSelectedId(id)}
          onSelectionChange={setSelection}
          suggestions={viewerSuggestions}
          onSuggestionClick={openSuggestion}
          located={located}
        />
        <StartReviewLink articleId={articleId} />
        {selection && tagging && <VerdictPopover rect={selection.rect} onPick={tag} same={same ?? undefined} onOpen={openClaim} />}
        {selection && showOutcome && !placingFinal && (
          <OutcomeTagHint rect={selection.rect} onSwitch={() => outcome.setMode("annotations")} />
        )}
        {activeSuggestion && !selection && tagging && (
          <SuggestionPopover
            suggestion={activeSuggestion.suggestion}
            rect={activeSuggestion.rect}
            busy={decideSuggestion.isPending}
            onAccept={(v) => acceptSuggestion(activeSuggestion.suggestion, v)}
            onDismiss={() => dismissSuggestion(activeSuggestion.suggestion)}
            onClose={() => setActiveSuggestion(null)}
          />
        )}
      </section>
      <SidePanelTabs
        showTabs={outcome.available}
        outcomeFirst={outcome.outcomeFirst}
        mode={outcome.mode}
        onModeChange={handleMode}
        count={showOutcome ? outcome.claims.length : (claims.data?.length ?? 0)}
        revealKey={selectedId ?? drafts.drafts.at(-1)?.clientId ?? null}
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
            onPlaced={clearSelection}
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
              mutations.update.mutate(
                { claim, verdict },
                { onError: (e) => notify({ text: `The verdict was not changed: ${e.message}`, tone: "error" }) },
              )
            }
            onSaveRationale={(claim, rationale) => mutations.update.mutateAsync({ claim, rationale })}
            onSaveSpeaker={(claim, speaker) => mutations.update.mutateAsync({ claim, speaker })}
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
