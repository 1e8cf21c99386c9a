"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CLAIMS_PAGE_SIZE_HEADER, CLAIMS_TOTAL_HEADER, type ClaimDto, type CreateClaimInput, type Verdict } from "@/lib/schemas/claim";
import { ApiError, apiFetch, apiRequest } from "./api-client";
import { fetchAllPages } from "./fetch-pages";
import { invalidateArticleLists, queryKeys } from "./keys";
import { putClaim } from "./claims-cache";
import { reviewKeys } from "./review-keys";

/** ISO timestamps order as strings; a plain comparison, as localeCompare costs a lot over thousands of claims. */
const byTextOrder = (a: ClaimDto, b: ClaimDto) =>
  a.start - b.start || b.end - a.end || (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0);
/** One function for every render: react-query then sorts (and compares the result deeply) only when the list changes. */
const inTextOrder = (claims: ClaimDto[]) => [...claims].sort(byTextOrder);

/** Every claim of the article: one request up to a page (CLAIMDESK_CLAIMS_PAGE_SIZE), then the other pages in parallel. */
export function fetchClaims(articleId: string): Promise<ClaimDto[]> {
  const url = `/api/articles/${articleId}/claims`;
  return fetchAllPages(
    async () => {
      const { body, headers } = await apiRequest<ClaimDto[]>(url);
      return {
        items: body,
        total: Number(headers.get(CLAIMS_TOTAL_HEADER) ?? body.length),
        pageSize: Number(headers.get(CLAIMS_PAGE_SIZE_HEADER) ?? 0),
      };
    },
    (page) => apiFetch<ClaimDto[]>(`${url}?page=${page}`),
  );
}

export function useClaims(articleId: string) {
  return useQuery({
    queryKey: queryKeys.claims(articleId),
    queryFn: () => fetchClaims(articleId),
    select: inTextOrder,
  });
}

type Ctx = { previous?: ClaimDto[] };

/**
 * Optimistic mutations on one article's claims. Each writes the expected
 * result into the cache at once and restores the previous list if the server
 * refuses; a 409 puts the server's current claim into the cache instead. A
 * save's answer goes into the list and touches nothing else of the article
 * (its text, the other claims): only the article lists' counts are marked
 * stale, for when they are next shown, and a reviewer's round banner count.
 */
export function useClaimMutations(articleId: string) {
  const qc = useQueryClient();
  const key = queryKeys.claims(articleId);
  const snapshot = async (): Promise<Ctx> => {
    await qc.cancelQueries({ queryKey: key });
    return { previous: qc.getQueryData<ClaimDto[]>(key) };
  };
  const put = (claim: ClaimDto) => putClaim(qc, claim);
  const rollback = (error: unknown, ctx: Ctx | undefined) => {
    if (ctx?.previous) qc.setQueryData(key, ctx.previous);
    if (error instanceof ApiError && error.status === 409 && error.current) put(error.current as ClaimDto);
  };
  /** A claim added or taken away changes the lists' counts, and, in a round, the reviewer's own count. */
  const counted = (claim: ClaimDto) => {
    invalidateArticleLists(qc);
    if (claim.roundId) void qc.invalidateQueries({ queryKey: reviewKeys.articleRound(articleId) });
  };
  const patch = (id: string, change: Partial<ClaimDto>) =>
    qc.setQueryData<ClaimDto[]>(key, (list = []) => list.map((c) => (c.id === id ? { ...c, ...change } : c)));

  const create = useMutation({
    mutationFn: (input: CreateClaimInput & { clientId: string }) =>
      apiFetch<ClaimDto>(`/api/articles/${articleId}/claims`, { method: "POST", json: input }),
    onSuccess: (claim) => {
      put(claim);
      counted(claim);
    },
    // Words the viewer tagged already (create-claim.ts): the 409 carries that claim.
    onError: (error) => rollback(error, undefined),
  });

  const update = useMutation({
    mutationFn: (v: { claim: ClaimDto; verdict?: Verdict; rationale?: string; speaker?: string }) =>
      apiFetch<ClaimDto>(`/api/claims/${v.claim.id}`, {
        method: "PATCH",
        json: {
          version: v.claim.version,
          ...(v.verdict ? { verdict: v.verdict } : {}),
          ...(v.rationale !== undefined ? { rationale: v.rationale } : {}),
          ...(v.speaker !== undefined ? { speaker: v.speaker } : {}),
        },
      }),
    onMutate: async (v) => {
      const ctx = await snapshot();
      patch(v.claim.id, {
        ...(v.verdict ? { verdict: v.verdict } : {}),
        ...(v.rationale !== undefined ? { rationaleHtml: v.rationale } : {}),
        ...(v.speaker !== undefined ? { speaker: v.speaker || null } : {}),
      });
      return ctx;
    },
    onSuccess: (claim) => {
      put(claim);
      // The lists count disputed claims.
      invalidateArticleLists(qc);
    },
    onError: (error, _v, ctx) => rollback(error, ctx),
  });

  const remove = useMutation({
    mutationFn: (claim: ClaimDto) => apiFetch<ClaimDto>(`/api/claims/${claim.id}?version=${claim.version}`, { method: "DELETE" }),
    onMutate: async (claim) => {
      const ctx = await snapshot();
      qc.setQueryData<ClaimDto[]>(key, (list = []) => list.filter((c) => c.id !== claim.id));
      return ctx;
    },
    onSuccess: (claim) => {
      put(claim);
      counted(claim);
    },
    onError: (error, _v, ctx) => rollback(error, ctx),
  });

  const restore = useMutation({
    mutationFn: (claim: ClaimDto) =>
      apiFetch<ClaimDto>(`/api/claims/${claim.id}/restore`, { method: "POST", json: { version: claim.version } }),
    onMutate: async (claim) => {
      const ctx = await snapshot();
      put({ ...claim, deletedAt: null });
      return ctx;
    },
    onSuccess: (claim) => {
      put(claim);
      counted(claim);
    },
    onError: (error, _v, ctx) => rollback(error, ctx),
  });

  return { create, update, remove, restore };
}
