"use client";
import { useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { readDeepLink, type DeepLink } from "@/lib/schemas/deep-link";

/** What the page's address asks it to open: a claim, a final claim or a cluster, and its discussion at a comment (lib/schemas/deep-link.ts). */
export function useDeepLink(): DeepLink {
  const params = useSearchParams();
  return useMemo(() => readDeepLink(params), [params]);
}
