"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommentDto, CommentThread } from "@/lib/schemas/comment";
import type { NotificationsDto } from "@/lib/schemas/notification";
import { apiFetch } from "./api-client";
import { reviewKeys } from "./review-keys";

const threadId = (t: CommentThread) => (t.clusterId ?? t.claimId)!;
const query = (t: CommentThread) => (t.clusterId ? `clusterId=${encodeURIComponent(t.clusterId)}` : `claimId=${encodeURIComponent(t.claimId!)}`);

export const useComments = (thread: CommentThread, enabled = true) =>
  useQuery({ queryKey: reviewKeys.comments(threadId(thread)), queryFn: () => apiFetch<CommentDto[]>(`/api/comments?${query(thread)}`), enabled });

/** Posts a comment; the thread shows it as soon as the server has sanitized and stored it. */
export function usePostComment(thread: CommentThread) {
  const qc = useQueryClient();
  const key = reviewKeys.comments(threadId(thread));
  return useMutation({
    mutationFn: (body: string) => apiFetch<CommentDto>("/api/comments", { method: "POST", json: { ...thread, body } }),
    onSuccess: (c) => qc.setQueryData<CommentDto[]>(key, (list = []) => [...list.filter((x) => x.id !== c.id), c]),
    onSettled: () => {
      void qc.invalidateQueries({ queryKey: key });
      void qc.invalidateQueries({ queryKey: reviewKeys.all() });
    },
  });
}

export const useNotifications = () =>
  useQuery({ queryKey: reviewKeys.notifications(), queryFn: () => apiFetch<NotificationsDto>("/api/notifications"), staleTime: 30_000 });

/** Marks notifications read, optimistically. */
export function useMarkRead() {
  const qc = useQueryClient();
  const key = reviewKeys.notifications();
  return useMutation({
    mutationFn: (ids?: string[]) => apiFetch<NotificationsDto>("/api/notifications/read", { method: "POST", json: ids ? { ids } : {} }),
    onMutate: async (ids) => {
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<NotificationsDto>(key);
      const now = new Date().toISOString();
      if (previous) {
        const items = previous.items.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n));
        qc.setQueryData<NotificationsDto>(key, { ...previous, unread: ids ? Math.max(0, previous.unread - ids.length) : 0, items });
      }
      return { previous };
    },
    onError: (_e, _v, ctx) => ctx?.previous && qc.setQueryData(key, ctx.previous),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
}
