"use client";
import { useCallback, useEffect, useState, useSyncExternalStore } from "react";
import { useCurrentMember } from "./current-member";

/**
 * Text a person is typing and has not saved (a rationale, a comment, a
 * decision's rationale), kept so that leaving the page does not lose it:
 * - in this tab's sessionStorage as it changes, under the signed-in member's
 *   id and what it is for (`rationale:<claimId>`): a link followed, a reload,
 *   or a sign-in after an expired session brings it back where it was typed;
 * - while it differs from what is saved, the browser asks before the tab is
 *   closed or reloaded (`beforeunload`), as mail and document editors do.
 * sessionStorage, not localStorage: it belongs to the tab and goes with it,
 * so a newsroom's shared computer never shows one person's unsent words to
 * the next, and the member's id in the key keeps a second sign-in in the same
 * tab from seeing them. Outside the signed-in shell nothing is kept.
 *
 * The page renders on the server with what is saved; a kept draft is read
 * after hydration, so server and browser render alike.
 */
export function useKeptDraft(what: string, saved: string) {
  const key = useDraftKey(what);
  const [value, setState] = useState(saved);
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    const kept = readDraft(key);
    if (kept === null || kept === saved) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read after hydration on purpose: the server rendered what is saved
    setState(kept);
    setRestored(true);
    // Read once per key: a later change of what is saved must not replace what the person is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  const setValue = useCallback(
    (next: string) => {
      setState(next);
      writeDraft(key, next === saved ? null : next);
    },
    [key, saved],
  );
  /** Saved, posted or given up: nothing to keep any more. */
  const forget = useCallback(() => {
    writeDraft(key, null);
    setRestored(false);
  }, [key]);
  useLeaveWarning(value !== saved);
  return { value, setValue, restored, forget };
}

/** Whether a draft of `what` is kept for the signed-in member (known after hydration; false before). */
export function useHasKeptDraft(what: string): boolean {
  const key = useDraftKey(what);
  return useSyncExternalStore(
    noChanges,
    () => !!key && keptKeys().has(key),
    () => false,
  );
}

/** Whether any draft whose `what` starts with `prefix` is kept (a claim's comments and replies). */
export function useHasKeptDraftUnder(prefix: string): boolean {
  const key = useDraftKey(prefix);
  return useSyncExternalStore(
    noChanges,
    () => {
      if (key) for (const k of keptKeys()) if (k.startsWith(key)) return true;
      return false;
    },
    () => false,
  );
}

/** sessionStorage tells a tab nothing of its own writes: whoever writes a draft re-renders for it. */
const noChanges = () => () => {};

/** While `unsaved`, closing or reloading the tab asks first. */
export function useLeaveWarning(unsaved: boolean) {
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);
}

const PREFIX = "claimdesk:draft:";

/** The storage key of `what` for the signed-in member; null outside the signed-in shell (nothing is kept). */
export function useDraftKey(what: string): string | null {
  const member = useCurrentMember();
  return member ? `${PREFIX}${member.id}:${what}` : null;
}

/**
 * The keys of the drafts kept in this tab, read from sessionStorage once and
 * then kept in step by {@link writeDraft}: an article's cards each ask
 * whether a draft of theirs is kept, thousands of times per render of a
 * large article, which a Set answers without touching storage.
 */
let kept: Set<string> | undefined;
function keptKeys(): Set<string> {
  if (kept) return kept;
  kept = new Set();
  try {
    for (let i = 0; i < sessionStorage.length; i++) {
      const k = sessionStorage.key(i);
      if (k?.startsWith(PREFIX)) kept.add(k);
    }
  } catch {
    // Refused: nothing is kept (see readDraft).
  }
  return kept;
}

/** Storage may be full or refused (a private window, a policy): a draft then lives in the page only, as before. */
export function readDraft(key: string | null): string | null {
  if (!key) return null;
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeDraft(key: string | null, value: string | null) {
  if (!key) return;
  try {
    if (value === null) {
      sessionStorage.removeItem(key);
      keptKeys().delete(key);
    } else {
      sessionStorage.setItem(key, value);
      keptKeys().add(key);
    }
  } catch {
    // Over the quota or refused: see readDraft.
  }
}
