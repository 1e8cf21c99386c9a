"use client";
import { useCallback, useEffect, useState } from "react";
import { readDraft, useDraftKey, useLeaveWarning, writeDraft } from "@/components/ui/use-kept-draft";
import { VERDICTS, type Verdict } from "@/lib/schemas/claim";

/** A claim the user made that the server has not confirmed: kept apart from the server cache (as Hypothesis keeps drafts). */
export type ClaimDraft = {
  clientId: string;
  versionId: string;
  start: number;
  end: number;
  exact: string;
  verdict: Verdict;
  /** Who made the claim, pre-filled from an accepted suggestion. */
  speaker?: string | null;
  state: "pending" | "failed";
  error?: string;
};

/**
 * The tags of one article the server has not confirmed. They are kept for the
 * tab as they change (../ui/use-kept-draft.ts says where and why): a tag
 * whose save was still on its way or had failed when the page was left comes
 * back after a reload or a sign-in as "Not saved", for Retry (its client id
 * makes a retry of a save that did reach the server return that claim) or
 * Discard; and closing the tab with such a tag asks first.
 */
export function useClaimDrafts(articleId: string) {
  const key = useDraftKey(`tags:${articleId}`);
  const [drafts, setDrafts] = useState<ClaimDraft[]>([]);
  const [read, setRead] = useState(false);
  // After hydration: restored as failed, as nothing is on its way any more.
  useEffect(() => {
    const kept = parseDrafts(readDraft(key));
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read after hydration on purpose: the server rendered no drafts
    if (kept.length) setDrafts(kept.map((d) => ({ ...d, state: "failed", error: LEFT_UNSAVED })));
    setRead(true);
  }, [key]);
  useEffect(() => {
    if (read) writeDraft(key, drafts.length ? JSON.stringify(drafts) : null);
  }, [read, key, drafts]);
  useLeaveWarning(drafts.length > 0);
  const add = useCallback((d: ClaimDraft) => setDrafts((all) => [...all, d]), []);
  const update = useCallback(
    (clientId: string, change: Partial<ClaimDraft>) =>
      setDrafts((all) => all.map((d) => (d.clientId === clientId ? { ...d, ...change } : d))),
    [],
  );
  const remove = useCallback((clientId: string) => setDrafts((all) => all.filter((d) => d.clientId !== clientId)), []);
  return { drafts, add, update, remove };
}

const LEFT_UNSAVED = "The page was left before this tag was saved. Retry, or discard it.";

/** Kept drafts as stored; anything else (an older shape, a hand edit) is dropped rather than trusted. */
function parseDrafts(raw: string | null): ClaimDraft[] {
  if (!raw) return [];
  try {
    const list: unknown = JSON.parse(raw);
    return Array.isArray(list) ? list.filter(isDraft) : [];
  } catch {
    return [];
  }
}

const isDraft = (d: unknown): d is ClaimDraft => {
  const x = d as Partial<ClaimDraft> | null;
  return (
    !!x &&
    typeof x.clientId === "string" &&
    typeof x.versionId === "string" &&
    Number.isInteger(x.start) &&
    Number.isInteger(x.end) &&
    typeof x.exact === "string" &&
    (VERDICTS as readonly unknown[]).includes(x.verdict)
  );
};
