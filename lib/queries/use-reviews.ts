"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  ArticleRoundDto,
  QueueItemDto,
  RoundAgreementDto,
  RoundDetailDto,
  RoundSummaryDto,
  StartRoundInput,
  TeamAgreementPointDto,
} from "@/lib/schemas/review";
import type { MemberDto } from "@/lib/schemas/team";
import { ApiError, apiFetch } from "./api-client";
import { invalidateArticleWork } from "./keys";
import { reviewKeys } from "./review-keys";

export const useRounds = () => useQuery({ queryKey: reviewKeys.list(), queryFn: () => apiFetch<RoundSummaryDto[]>("/api/reviews") });
export const useRound = (roundId: string) =>
  useQuery({ queryKey: reviewKeys.round(roundId), queryFn: () => apiFetch<RoundDetailDto>(`/api/reviews/${roundId}`) });
/**
 * The article's review state. Every claim card's badge reads it, so it never
 * goes stale by age (a card appearing later would refetch it): the page is
 * rendered with it, and live events about the round, its clusters and the
 * viewer's round work mark it stale (lib/queries/live-updates.ts).
 */
export const useArticleRound = (articleId: string) =>
  useQuery({
    queryKey: reviewKeys.articleRound(articleId),
    queryFn: () => apiFetch<ArticleRoundDto>(`/api/articles/${articleId}/round`),
    staleTime: Infinity,
  });
export const useQueue = () => useQuery({ queryKey: reviewKeys.queue(), queryFn: () => apiFetch<QueueItemDto[]>("/api/queue") });
export const useMembers = () =>
  useQuery({ queryKey: reviewKeys.members(), queryFn: () => apiFetch<MemberDto[]>("/api/team/members"), staleTime: 60_000 });
export const useRoundAgreement = (roundId: string, enabled: boolean) =>
  useQuery({
    queryKey: reviewKeys.roundAgreement(roundId),
    queryFn: () => apiFetch<RoundAgreementDto>(`/api/reviews/${roundId}/agreement`),
    enabled,
  });
export const useTeamAgreement = () =>
  useQuery({ queryKey: reviewKeys.teamAgreement(), queryFn: () => apiFetch<TeamAgreementPointDto[]>("/api/agreement") });

export function useStartRound() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: StartRoundInput) => apiFetch<RoundSummaryDto>("/api/reviews", { method: "POST", json: input }),
    onSettled: (_r, _e, input) => {
      void qc.invalidateQueries({ queryKey: reviewKeys.all() });
      invalidateArticleWork(qc, input.articleId);
    },
  });
}

/**
 * Submit / reopen (the caller's review) and reveal / close (an editor's),
 * on one round. Submit and reopen are optimistic on the article's round
 * state; a refusal restores it, a 409 shows the server's current round.
 */
export function useRoundActions(round: { id: string; article: { id: string } }) {
  const qc = useQueryClient();
  const articleKey = reviewKeys.articleRound(round.article.id);
  const settle = () => {
    void qc.invalidateQueries({ queryKey: reviewKeys.all() });
    invalidateArticleWork(qc, round.article.id);
    void qc.invalidateQueries({ queryKey: reviewKeys.queue() });
  };
  const optimistic = (submittedAt: string | null) => async () => {
    await qc.cancelQueries({ queryKey: articleKey });
    const previous = qc.getQueryData<ArticleRoundDto>(articleKey);
    if (previous?.round?.mine)
      qc.setQueryData<ArticleRoundDto>(articleKey, {
        ...previous,
        round: { ...previous.round, mine: { ...previous.round.mine, submittedAt } },
      });
    return { previous };
  };
  const rollback = (error: unknown, _v: unknown, ctx?: { previous?: ArticleRoundDto }) => {
    if (ctx?.previous) qc.setQueryData(articleKey, ctx.previous);
    if (error instanceof ApiError && error.status === 409 && error.current)
      qc.setQueryData(reviewKeys.round(round.id), (d?: RoundDetailDto) => (d ? { ...d, ...(error.current as RoundSummaryDto) } : d));
  };
  const post = (action: string, json?: unknown) =>
    apiFetch<RoundSummaryDto>(`/api/reviews/${round.id}/${action}`, { method: "POST", ...(json ? { json } : {}) });
  return {
    submit: useMutation({
      mutationFn: () => post("submit"),
      onMutate: optimistic(new Date().toISOString()),
      onError: rollback,
      onSettled: settle,
    }),
    reopen: useMutation({ mutationFn: () => post("reopen"), onMutate: optimistic(null), onError: rollback, onSettled: settle }),
    reveal: useMutation({ mutationFn: (version: number) => post("reveal", { version }), onError: rollback, onSettled: settle }),
    close: useMutation({ mutationFn: (version: number) => post("close", { version }), onError: rollback, onSettled: settle }),
  };
}
