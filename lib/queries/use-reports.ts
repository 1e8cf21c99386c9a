"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { ImportReportDto, ZipJobDto, ZipRequest } from "@/lib/schemas/report";
import { apiFetch } from "./api-client";
import { invalidateArticle } from "./keys";

/** Which report a URL names: one review round's instead of the article's, and where the desk publishes the HTML report. */
export type ReportUrlOptions = { round?: string | null; publishUrl?: string | null };

/**
 * The URL of one report format of an article, or of one of its review
 * rounds (downloaded with the session cookie). `publishUrl` makes the claim
 * URLs of ClaimReview and CSV point into the published report.
 */
export function reportUrl(articleId: string, format: string, opts: ReportUrlOptions = {}): string {
  const q = new URLSearchParams({ format });
  if (opts.round) q.set("round", opts.round);
  if (opts.publishUrl) q.set("publishUrl", opts.publishUrl);
  return `/api/articles/${encodeURIComponent(articleId)}/report?${q}`;
}

/** Imports W3C annotations into an article, then refreshes its claims. Not optimistic: the server decides what can be placed. */
export function useImportAnnotations(articleId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (json: unknown) =>
      apiFetch<ImportReportDto>(`/api/articles/${encodeURIComponent(articleId)}/annotations/import`, { method: "POST", json }),
    // Imported claims are final claims too (the Outcome panel), not only annotations.
    onSettled: () => invalidateArticle(qc, articleId),
  });
}

/** Starts the team's ZIP export. */
export function useStartZip() {
  return useMutation({ mutationFn: (input: ZipRequest) => apiFetch<ZipJobDto>("/api/reports/zip", { method: "POST", json: input }) });
}

/** Polls a ZIP job twice a second until it is done or failed. */
export function useZipJob(jobId: string | null) {
  return useQuery({
    queryKey: ["reports", "zip", jobId],
    queryFn: () => apiFetch<ZipJobDto>(`/api/reports/zip/${encodeURIComponent(jobId!)}`),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data && q.state.data.status !== "running" ? false : 500),
  });
}
