"use client";
import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { parseLiveEvent } from "@/lib/events/live-event";
import { keysForEvent } from "./live-event-keys";

/**
 * Subscribes this tab to the team's live events (/api/events, server-sent
 * events) and refetches what each one makes stale. EventSource reconnects by
 * itself after a network hiccup or a server restart; on reconnect everything
 * is refetched once, since events may have been missed meanwhile.
 */
export function useLiveEvents() {
  const qc = useQueryClient();
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    let opened = false;
    source.onopen = () => {
      if (opened) void qc.invalidateQueries();
      opened = true;
    };
    source.onmessage = (message) => {
      const event = parseLiveEvent(message.data as string);
      if (event) for (const queryKey of keysForEvent(event)) void qc.invalidateQueries({ queryKey });
    };
    return () => source.close();
  }, [qc]);
}
