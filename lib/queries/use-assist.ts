"use client";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  AliasDto,
  AliasListDto,
  AssistModelDto,
  ClaimSearchDto,
  ClaimSearchInput,
  CreateAliasInput,
  RelatedClaimDto,
  SuggestionDto,
  SuggestionsDto,
} from "@/lib/schemas/assist";
import type { ClaimDto } from "@/lib/schemas/claim";
import { apiFetch } from "./api-client";
import { queryKeys } from "./keys";

/** Keys of claim assistance; suggestions sit under the article's key, so article-wide invalidations refresh them. */
export const assistKeys = {
  suggestions: (articleId: string) => ["articles", articleId, "suggestions"] as const,
  related: (claimId: string) => ["claims", claimId, "related"] as const,
  search: (input: ClaimSearchInput) => ["claims", "search", input] as const,
  model: () => ["assist", "model"] as const,
  aliases: () => ["assist", "aliases"] as const,
};

/** The article's check-worthy sentences under the team's model. */
export function useSuggestions(articleId: string, enabled = true) {
  return useQuery({
    queryKey: assistKeys.suggestions(articleId),
    queryFn: () => apiFetch<SuggestionsDto>(`/api/articles/${articleId}/suggestions`),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * Accept or dismiss a suggestion. A dismissal leaves the list at once (and
 * comes back if the server refuses); an accept leaves it when its claim exists.
 */
export function useSuggestionDecision(articleId: string) {
  const qc = useQueryClient();
  const key = assistKeys.suggestions(articleId);
  return useMutation({
    mutationFn: (v: { versionId: string; suggestion: SuggestionDto; decision: "accept" | "dismiss" }) =>
      apiFetch<{ decision: string; learnt: boolean }>(`/api/articles/${articleId}/suggestions/decisions`, {
        method: "POST",
        json: { versionId: v.versionId, start: v.suggestion.start, end: v.suggestion.end, decision: v.decision },
      }),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<SuggestionsDto>(key);
      if (previous && v.decision === "dismiss") {
        qc.setQueryData<SuggestionsDto>(key, {
          ...previous,
          suggestions: previous.suggestions.filter((s) => s.start !== v.suggestion.start),
        });
      }
      return { previous };
    },
    onError: (_e, _v, ctx) => ctx?.previous && qc.setQueryData(key, ctx.previous),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: assistKeys.model() });
    },
  });
}

/** Sentences of other articles that may state the same claim (fetched for a selected card only). */
export function useRelatedClaims(claimId: string, enabled: boolean) {
  return useQuery({
    queryKey: assistKeys.related(claimId),
    queryFn: () => apiFetch<RelatedClaimDto[]>(`/api/claims/${claimId}/related`),
    enabled,
    staleTime: 30_000,
  });
}

/** Take an earlier claim's verdict and evidence, after the person confirmed it. */
export function useApplyRelated(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { claim: ClaimDto; source: { kind: "claim" | "annotation"; id: string } }) =>
      apiFetch<ClaimDto>(`/api/claims/${v.claim.id}/apply-related`, {
        method: "POST",
        json: { version: v.claim.version, source: v.source },
      }),
    onSuccess: (claim) => {
      qc.setQueryData<ClaimDto[]>(queryKeys.claims(articleId), (list = []) => list.map((c) => (c.id === claim.id ? claim : c)));
    },
    onSettled: (_d, _e, v) => {
      void qc.invalidateQueries({ queryKey: queryKeys.claims(articleId) });
      void qc.invalidateQueries({ queryKey: ["claims", v.claim.id] });
    },
  });
}

/** The desk-wide claim search. */
export function useClaimSearch(input: ClaimSearchInput) {
  const params = new URLSearchParams(
    Object.entries(input)
      .filter(([, v]) => v !== undefined && v !== "")
      .map(([k, v]) => [k, String(v)]),
  );
  return useQuery({
    queryKey: assistKeys.search(input),
    queryFn: () => apiFetch<ClaimSearchDto>(`/api/claims?${params}`),
    placeholderData: keepPreviousData,
  });
}

export function useAssistModel() {
  return useQuery({ queryKey: assistKeys.model(), queryFn: () => apiFetch<AssistModelDto>("/api/assist/model") });
}

export function useResetAssistModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => apiFetch<AssistModelDto>(`/api/assist/model?version=${version}`, { method: "DELETE" }),
    onSuccess: (model) => qc.setQueryData(assistKeys.model(), model),
    onSettled: () => void qc.invalidateQueries({ queryKey: ["articles"] }),
  });
}

export function useAliases() {
  return useQuery({ queryKey: assistKeys.aliases(), queryFn: () => apiFetch<AliasListDto>("/api/assist/aliases") });
}

export function useAliasMutations() {
  const qc = useQueryClient();
  const settle = () => {
    void qc.invalidateQueries({ queryKey: assistKeys.aliases() });
    void qc.invalidateQueries({ queryKey: ["articles"] });
  };
  const create = useMutation({
    mutationFn: (input: CreateAliasInput) => apiFetch<AliasDto>("/api/assist/aliases", { method: "POST", json: input }),
    onSettled: settle,
  });
  const remove = useMutation({
    mutationFn: (alias: AliasDto) => apiFetch<AliasDto>(`/api/assist/aliases/${alias.id}?version=${alias.version}`, { method: "DELETE" }),
    onSettled: settle,
  });
  return { create, remove };
}
