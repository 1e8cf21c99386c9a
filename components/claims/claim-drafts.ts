"use client";
import { useCallback, useState } from "react";
import type { Verdict } from "@/lib/schemas/claim";

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

export function useClaimDrafts() {
  const [drafts, setDrafts] = useState<ClaimDraft[]>([]);
  const add = useCallback((d: ClaimDraft) => setDrafts((all) => [...all, d]), []);
  const update = useCallback(
    (clientId: string, change: Partial<ClaimDraft>) =>
      setDrafts((all) => all.map((d) => (d.clientId === clientId ? { ...d, ...change } : d))),
    [],
  );
  const remove = useCallback((clientId: string) => setDrafts((all) => all.filter((d) => d.clientId !== clientId)), []);
  return { drafts, add, update, remove };
}
