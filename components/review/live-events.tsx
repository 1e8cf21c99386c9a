"use client";
import { useLiveEvents } from "@/lib/queries/use-live-events";

/** Keeps every open screen fresh through server-sent events; renders nothing. Mounted once in the signed-in layout. */
export function LiveEvents() {
  useLiveEvents();
  return null;
}
