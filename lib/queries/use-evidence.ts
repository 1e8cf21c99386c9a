"use client";
import { useEffect, useRef } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import {
  describedEvidence,
  type ClaimEvidenceDto,
  type CreateEvidenceInput,
  type DeleteEvidenceResult,
  type EvidenceDetailDto,
  type EvidenceDto,
  type EvidenceKind,
  type EvidenceLinkDto,
  type Stance,
  type UpdateEvidenceInput,
} from "@/lib/schemas/evidence";
import { ApiError, apiFetch } from "./api-client";
import { evidenceKeys } from "./evidence-keys";

export { evidenceKeys };

/** The library, searched as the user types (the previous results stay while the next ones load). */
export function useEvidenceList(q: string, kind: EvidenceKind | "" = "", opts: { enabled?: boolean } = {}) {
  const params = new URLSearchParams({ ...(q.trim() ? { q: q.trim() } : {}), ...(kind ? { kind } : {}) });
  return useQuery({
    queryKey: evidenceKeys.list(q.trim(), kind),
    queryFn: () => apiFetch<EvidenceDto[]>(`/api/evidence?${params}`),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

/** One item with the claims that cite it. */
export function useEvidenceItem(id: string | null) {
  return useQuery({
    queryKey: evidenceKeys.item(id ?? ""),
    queryFn: () => apiFetch<EvidenceDetailDto>(`/api/evidence/${id}`),
    enabled: !!id,
  });
}

/** Writes `change` into every cached library list, returning what to restore on failure. */
async function patchLists(qc: QueryClient, change: (list: EvidenceDto[]) => EvidenceDto[]) {
  await qc.cancelQueries({ queryKey: evidenceKeys.lists() });
  const previous = qc.getQueriesData<EvidenceDto[]>({ queryKey: evidenceKeys.lists() });
  qc.setQueriesData<EvidenceDto[]>({ queryKey: evidenceKeys.lists() }, (list) => (list ? change(list) : list));
  return { previous };
}
type ListCtx = Awaited<ReturnType<typeof patchLists>>;
const restoreLists = (qc: QueryClient, ctx: ListCtx | undefined) => ctx?.previous.forEach(([key, data]) => qc.setQueryData(key, data));

/**
 * Library mutations. Edits and deletes show at once in every cached list and
 * roll back if the server refuses; creation inserts the server's item.
 */
export function useEvidenceMutations() {
  const qc = useQueryClient();
  const settle = () => void qc.invalidateQueries({ queryKey: evidenceKeys.all() });

  const create = useMutation({
    mutationFn: (input: CreateEvidenceInput) => apiFetch<EvidenceDto>("/api/evidence", { method: "POST", json: input }),
    onSuccess: (item) => void patchLists(qc, (list) => [item, ...list]),
    onSettled: settle,
  });

  const update = useMutation({
    mutationFn: (v: { item: EvidenceDto; change: Omit<UpdateEvidenceInput, "version"> }) =>
      apiFetch<EvidenceDto>(`/api/evidence/${v.item.id}`, { method: "PATCH", json: { ...v.change, version: v.item.version } }),
    onMutate: ({ item, change }) =>
      patchLists(qc, (list) => list.map((e) => (e.id === item.id ? { ...e, title: change.title ?? e.title } : e))),
    onError: (error, _v, ctx) => {
      restoreLists(qc, ctx);
      if (error instanceof ApiError && error.status === 409 && error.current) {
        const current = error.current as EvidenceDto;
        qc.setQueriesData<EvidenceDto[]>({ queryKey: evidenceKeys.lists() }, (list) =>
          list?.map((e) => (e.id === current.id ? current : e)),
        );
      }
    },
    onSettled: settle,
  });

  const remove = useMutation({
    mutationFn: (item: EvidenceDto) =>
      apiFetch<DeleteEvidenceResult>(`/api/evidence/${item.id}?version=${item.version}`, { method: "DELETE" }),
    onMutate: (item) => patchLists(qc, (list) => list.filter((e) => e.id !== item.id)),
    onError: (_e, _v, ctx) => restoreLists(qc, ctx),
    onSettled: () => {
      settle();
      void qc.invalidateQueries({ queryKey: ["claim-evidence"] });
    },
  });

  return { create, update, remove };
}

/**
 * A claim's evidence links and date hints; `enabled: false` skips the request (a card with no evidence that is not selected).
 * `words` are the claim's current words: hints computed on other words (before a correction or a re-placing) are not
 * returned, and are asked for again.
 */
export function useClaimEvidence(claimId: string, { enabled = true, words }: { enabled?: boolean; words: string }) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: evidenceKeys.claim(claimId),
    queryFn: () => apiFetch<ClaimEvidenceDto>(`/api/claims/${claimId}/evidence`),
    enabled,
  });
  const stale = !!query.data && query.data.hintsFor !== null && query.data.hintsFor !== words;
  // Asked again once per change of words: an answer that still has the old words (a save not yet committed) waits for the next change.
  const askedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!stale || !enabled || askedFor.current === words) return;
    askedFor.current = words;
    void qc.invalidateQueries({ queryKey: evidenceKeys.claim(claimId) });
  }, [stale, enabled, words, qc, claimId]);
  return { ...query, hints: stale ? [] : (query.data?.hints ?? []) };
}

/** A link shown while the server confirms it; its id marks it as pending. */
function pendingLink(claimId: string, evidence: EvidenceDto, stance: Stance, pinpoint: string | null): EvidenceLinkDto {
  return {
    id: `pending-${crypto.randomUUID()}`,
    claimId,
    stance,
    pinpoint,
    version: 0,
    createdAt: new Date().toISOString(),
    evidence,
    can: { edit: false },
  };
}

/** An item as it will look once created, for the optimistic link. */
function draftItem(input: CreateEvidenceInput): EvidenceDto {
  const now = new Date().toISOString();
  return {
    id: `pending-${crypto.randomUUID()}`,
    ...describedEvidence(input),
    notesHtml: "",
    date: input.date ?? null,
    dateStart: null,
    dateEnd: null,
    datePrecision: null,
    version: 0,
    createdAt: now,
    updatedAt: now,
    deletedAt: null,
    sources: [],
    facts: [],
    useCount: 1,
    can: { edit: false, delete: false },
  };
}

/**
 * Optimistic mutations on one claim's evidence: the change shows at once and
 * is rolled back if the server refuses (the caller shows the error).
 */
export function useClaimEvidenceMutations(claimId: string) {
  const qc = useQueryClient();
  const key = evidenceKeys.claim(claimId);
  const apply = async (change: (links: EvidenceLinkDto[]) => EvidenceLinkDto[]) => {
    await qc.cancelQueries({ queryKey: key });
    const previous = qc.getQueryData<ClaimEvidenceDto>(key);
    qc.setQueryData<ClaimEvidenceDto>(key, (d) => ({
      links: change(d?.links ?? []),
      hints: d?.hints ?? [],
      hintsFor: d?.hintsFor ?? null,
    }));
    return { previous };
  };
  const rollback = (_e: Error, _v: unknown, ctx?: { previous?: ClaimEvidenceDto }) => ctx?.previous && qc.setQueryData(key, ctx.previous);
  const settle = () => {
    void qc.invalidateQueries({ queryKey: key });
    void qc.invalidateQueries({ queryKey: evidenceKeys.all() });
  };
  const post = (json: unknown) => apiFetch<EvidenceLinkDto>(`/api/claims/${claimId}/evidence`, { method: "POST", json });

  const attach = useMutation({
    mutationFn: (v: { item: EvidenceDto; stance: Stance; pinpoint?: string }) =>
      post({ evidenceId: v.item.id, stance: v.stance, pinpoint: v.pinpoint }),
    onMutate: (v) => apply((links) => [...links, pendingLink(claimId, v.item, v.stance, v.pinpoint ?? null)]),
    onError: rollback,
    onSettled: settle,
  });

  const attachNew = useMutation({
    mutationFn: (v: { evidence: CreateEvidenceInput; stance: Stance; pinpoint?: string }) => post(v),
    onMutate: (v) => apply((links) => [...links, pendingLink(claimId, draftItem(v.evidence), v.stance, v.pinpoint ?? null)]),
    onError: rollback,
    onSettled: settle,
  });

  const setStance = useMutation({
    mutationFn: (v: { link: EvidenceLinkDto; stance: Stance }) =>
      apiFetch<EvidenceLinkDto>(`/api/evidence-links/${v.link.id}`, {
        method: "PATCH",
        json: { version: v.link.version, stance: v.stance },
      }),
    onMutate: (v) => apply((links) => links.map((l) => (l.id === v.link.id ? { ...l, stance: v.stance } : l))),
    onError: rollback,
    onSettled: settle,
  });

  const detach = useMutation({
    mutationFn: (link: EvidenceLinkDto) =>
      apiFetch<EvidenceLinkDto>(`/api/evidence-links/${link.id}?version=${link.version}`, { method: "DELETE" }),
    onMutate: (link) => apply((links) => links.filter((l) => l.id !== link.id)),
    onError: rollback,
    onSettled: settle,
  });

  return { attach, attachNew, setStance, detach };
}
