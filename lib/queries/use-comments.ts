"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CommentDto, CommentThread, DiscussionCountsDto } from "@/lib/schemas/comment";
import type { EmailChoice, NotificationDto, NotificationSettingsDto, NotificationsDto } from "@/lib/schemas/notification";
import { apiFetch } from "./api-client";
import { reviewKeys } from "./review-keys";

/** The id a discussion's react-query key and live events use: its claim's. */
export const threadId = (t: CommentThread) => (t.annotationId ?? t.clusterId ?? t.claimId)!;
const query = (t: CommentThread) => new URLSearchParams(Object.entries(t).filter(([, v]) => v) as [string, string][]).toString();

export const useComments = (thread: CommentThread, enabled = true) =>
  useQuery({
    queryKey: reviewKeys.comments(threadId(thread)),
    queryFn: () => apiFetch<CommentDto[]>(`/api/comments?${query(thread)}`),
    enabled,
  });

/** Per claim of the article, its comments and open threads (one request for every card). */
export const useDiscussionCounts = (articleId: string) =>
  useQuery({
    queryKey: reviewKeys.discussions(articleId),
    queryFn: () => apiFetch<DiscussionCountsDto>(`/api/articles/${encodeURIComponent(articleId)}/discussions`),
    staleTime: 30_000,
  });

/**
 * Posts, resolves and deletes in one discussion; the thread shows the server's
 * answer at once and refetches (with the cards' counts) when settled.
 */
export function useCommentMutations(thread: CommentThread, articleId?: string) {
  const qc = useQueryClient();
  const key = reviewKeys.comments(threadId(thread));
  const put = (c: CommentDto) =>
    qc.setQueryData<CommentDto[]>(key, (list = []) =>
      list.some((x) => x.id === c.id) ? list.map((x) => (x.id === c.id ? c : x)) : [...list, c],
    );
  const onSettled = () => {
    void qc.invalidateQueries({ queryKey: key });
    if (articleId) void qc.invalidateQueries({ queryKey: reviewKeys.discussions(articleId) });
    void qc.invalidateQueries({ queryKey: reviewKeys.all() });
  };
  return {
    post: useMutation({
      mutationFn: (v: { body: string; parentId?: string }) =>
        apiFetch<CommentDto>("/api/comments", { method: "POST", json: { ...thread, ...v } }),
      onSuccess: put,
      onSettled,
    }),
    resolve: useMutation({
      mutationFn: (v: { comment: CommentDto; resolved: boolean }) =>
        apiFetch<CommentDto>(`/api/comments/${encodeURIComponent(v.comment.id)}/resolve`, {
          method: "POST",
          json: { version: v.comment.version, resolved: v.resolved },
        }),
      onSuccess: put,
      onSettled,
    }),
    remove: useMutation({
      mutationFn: (c: CommentDto) =>
        apiFetch<CommentDto>(`/api/comments/${encodeURIComponent(c.id)}?version=${c.version}`, { method: "DELETE" }),
      onSuccess: put,
      onSettled,
    }),
  };
}

/** @deprecated name kept for the review pages: posts a comment in `thread`. */
export function usePostComment(thread: CommentThread) {
  const { post } = useCommentMutations(thread);
  return post;
}

export const useNotifications = () =>
  useQuery({ queryKey: reviewKeys.notifications(), queryFn: () => apiFetch<NotificationsDto>("/api/notifications"), staleTime: 30_000 });

/** Marks notifications read (all when no ids), optimistically. */
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
        const newlyRead = previous.items.filter((n) => !n.readAt && (!ids || ids.includes(n.id))).length;
        const items = previous.items.map((n) => (!ids || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n));
        qc.setQueryData<NotificationsDto>(key, { ...previous, unread: ids ? Math.max(0, previous.unread - newlyRead) : 0, items });
      }
      return { previous };
    },
    onError: (_e, _v, ctx) => ctx?.previous && qc.setQueryData(key, ctx.previous),
    onSuccess: (data) => qc.setQueryData(key, data),
  });
}

/** Marks one notification unread again (or read). */
export function useSetRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; read: boolean }) =>
      apiFetch<NotificationDto>(`/api/notifications/${encodeURIComponent(v.id)}`, { method: "PATCH", json: { read: v.read } }),
    onSettled: () => void qc.invalidateQueries({ queryKey: reviewKeys.notifications() }),
  });
}

export const useNotificationSettings = () =>
  useQuery({ queryKey: reviewKeys.notificationSettings(), queryFn: () => apiFetch<NotificationSettingsDto>("/api/account/notifications") });

/** Saves one team's e-mail choice; a 409 brings the settings as they are now. */
export function useSaveNotificationSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { teamId: string; version: number; email: EmailChoice }) =>
      apiFetch<NotificationSettingsDto>("/api/account/notifications", { method: "PATCH", json: v }),
    onSuccess: (data) => qc.setQueryData(reviewKeys.notificationSettings(), data),
    onSettled: () => void qc.invalidateQueries({ queryKey: reviewKeys.notificationSettings() }),
  });
}
