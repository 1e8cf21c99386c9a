"use client";
import { useMemo, type ReactNode } from "react";
import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { expandPageState } from "@/lib/queries/compact-claims";

/**
 * HydrationBoundary for a page state from lib/server/pages: compact claims
 * lists (lib/queries/compact-claims.ts) are expanded into the ClaimDto[]
 * the hooks read before they reach the cache.
 */
export function PageHydration({ state, children }: { state: DehydratedState; children: ReactNode }) {
  const expanded = useMemo(() => expandPageState(state), [state]);
  return <HydrationBoundary state={expanded}>{children}</HydrationBoundary>;
}
