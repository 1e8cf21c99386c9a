"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ClusterDto, DecideClusterInput, RoundDetailDto } from "@/lib/schemas/review";
import type { AcceptAgreedResult } from "@/lib/schemas/review";
import { ApiError, apiFetch } from "./api-client";
import { invalidateArticleWork } from "./keys";
import { reviewKeys } from "./review-keys";

/**
 * Decisions on one round's clusters. A decision shows at once as "saving";
 * a refusal restores the cluster, and a 409 puts the server's current
 * cluster (someone else's decision) on screen instead.
 */
export function useDecisions(round: { id: string; article: { id: string } }) {
  const qc = useQueryClient();
  const key = reviewKeys.round(round.id);
  const putCluster = (cluster: ClusterDto) =>
    qc.setQueryData<RoundDetailDto>(key, (d) => (d ? { ...d, clusters: d.clusters.map((c) => (c.id === cluster.id ? cluster : c)) } : d));
  const settle = () => {
    void qc.invalidateQueries({ queryKey: reviewKeys.all() });
    invalidateArticleWork(qc, round.article.id);
  };

  const decide = useMutation({
    mutationFn: (v: { clusterId: string; input: DecideClusterInput }) =>
      apiFetch<ClusterDto>(`/api/clusters/${v.clusterId}/decisions`, { method: "POST", json: v.input }),
    onMutate: async (v) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<RoundDetailDto>(key);
      const before = previous?.clusters.find((c) => c.id === v.clusterId);
      if (before) putCluster({ ...before, status: v.input.action === "accept" ? "decided" : "rejected" });
      return { before };
    },
    onSuccess: putCluster,
    onError: (error, _v, ctx) => {
      if (ctx?.before) putCluster(ctx.before);
      if (error instanceof ApiError && error.status === 409 && error.current) putCluster(error.current as ClusterDto);
    },
    onSettled: settle,
  });

  const acceptAgreed = useMutation({
    mutationFn: (clusters: { id: string; version: number }[]) =>
      apiFetch<AcceptAgreedResult>(`/api/reviews/${round.id}/accept-agreed`, { method: "POST", json: { clusters } }),
    onSuccess: (r) => [...r.decided, ...r.conflicts].forEach(putCluster),
    onSettled: settle,
  });

  return { decide, acceptAgreed };
}
