"use client";
import { useEffect, useRef } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { parseLiveEvent } from "@/lib/events/live-event";
import type { ClaimDto } from "@/lib/schemas/claim";
import { ApiError, apiFetch } from "./api-client";
import { createLiveUpdater, type ArticleDetails } from "./live-updates";

/** A read that answers null for a 404 (deleted, or hidden from this viewer). */
const orNull = <T>(url: string) => apiFetch<T>(url).catch((e) => (e instanceof ApiError && e.status === 404 ? null : Promise.reject(e)));

/** The first wait before reopening a stream the server refused (503 under overload, 429, a restart), then doubled up to the cap. */
export const REOPEN_DELAY_MS = { first: 2_000, max: 60_000 };

/**
 * Subscribes this tab to the team's live events (/api/events, server-sent
 * events) and applies each to the cache at the cost of what changed
 * (lib/queries/live-updates.ts). `after` is the event cursor the page was
 * rendered at: the stream first sends what happened since, so nothing falls
 * between the server's render and the stream opening. EventSource reconnects
 * by itself after a network hiccup, sending the last cursor it received;
 * when the server cannot replay from it, it says `resync` and everything
 * shown is refetched, once. But EventSource gives up for good when a
 * reconnect is answered with anything but a stream (a 503 from an overloaded
 * server, a 429, a 502 from a proxy during a deploy): then this reopens it
 * after a growing, jittered delay, from the last cursor it saw, so that the
 * page does not stay stale until it is reloaded.
 */
export function useLiveEvents(after: string | null = null) {
  const qc = useQueryClient();
  // The cursor of the first render only: a layout rendered again (router.refresh) does not reopen the stream.
  const from = useRef(after);
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const updater = createLiveUpdater(qc, {
      claim: (id) => orNull<ClaimDto>(`/api/claims/${encodeURIComponent(id)}`),
      articleDetails: (id) => orNull<ArticleDetails>(`/api/articles/${encodeURIComponent(id)}?text=0`),
    });
    let cursor = from.current;
    let delay = REOPEN_DELAY_MS.first;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource;
    const open = (reopened: boolean) => {
      source = new EventSource(cursor ? `/api/events?after=${encodeURIComponent(cursor)}` : "/api/events");
      source.onopen = () => {
        delay = REOPEN_DELAY_MS.first;
        // Without a cursor the server cannot replay the gap: read everything shown again, once.
        if (reopened && !cursor) void updater.resync();
      };
      source.onmessage = (message) => {
        if (message.lastEventId) cursor = message.lastEventId;
        const event = parseLiveEvent(message.data as string);
        if (event) void updater.apply(event);
      };
      source.addEventListener("resync", (message) => {
        if (message.lastEventId) cursor = message.lastEventId;
        void updater.resync();
      });
      source.onerror = () => {
        if (source.readyState !== EventSource.CLOSED) return; // EventSource retries this one itself.
        timer = setTimeout(() => open(true), delay * (0.75 + Math.random() / 2));
        delay = Math.min(delay * 2, REOPEN_DELAY_MS.max);
      };
    };
    open(false);
    return () => {
      clearTimeout(timer);
      source.close();
      updater.close();
    };
  }, [qc]);
}
