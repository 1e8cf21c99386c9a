"use client";
import { useLiveEvents } from "@/lib/queries/use-live-events";

/**
 * Keeps every open screen fresh through server-sent events; renders nothing.
 * Mounted once in the signed-in layout, with the event cursor the page was rendered at.
 */
export function LiveEvents({ after = null }: { after?: string | null }) {
  useLiveEvents(after);
  return null;
}
