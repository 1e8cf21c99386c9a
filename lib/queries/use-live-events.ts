"use client";
import { useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { parseLiveEvent } from "@/lib/events/live-event";
import type { ClaimDto } from "@/lib/schemas/claim";
import { ApiError, apiFetch } from "./api-client";
import { createLiveUpdater, type ArticleDetails } from "./live-updates";

/** A read that answers null for a 404 (deleted, or hidden from this viewer). */
const orNull = <T>(url: string) => apiFetch<T>(url).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)));

/**
 * Subscribes this tab to the team's live events (/api/events, server-sent
 * events) and applies each to the cache at the cost of what changed
 * (lib/queries/live-updates.ts). `after` is the event cursor the page was
 * rendered at: the stream first sends what happened since, so nothing falls
 * between the server's render and the stream opening. EventSource reconnects
 * by itself after a network hiccup or a server restart, sending the last
 * cursor it received; when the server cannot replay from it, it says
 * `resync` and everything shown is refetched, once.
 */
export function useLiveEvents(after: string | null = null) {
  const qc = useQueryClient();
  // The cursor of the first render only: a layout rendered again (router.refresh) does not reopen the stream.
  const from = useRef(after);
  useEffect(() => {
    const after = from.current;
    if (typeof EventSource === "undefined") return;
    const updater = createLiveUpdater(qc, {
      claim: (id) => orNull<ClaimDto>(`/api/claims/${encodeURIComponent(id)}`),
      articleDetails: (id) => orNull<ArticleDetails>(`/api/articles/${encodeURIComponent(id)}?text=0`),
    });
    const source = new EventSource(after ? `/api/events?after=${encodeURIComponent(after)}` : "/api/events");
    source.onmessage = (message) => {
      const event = parseLiveEvent(message.data as string);
      if (event) void updater.apply(event);
    };
    source.addEventListener("resync", () => void updater.resync());
    return () => {
      source.close();
      updater.close();
    };
  }, [qc]);
}
