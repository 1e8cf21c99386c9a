"use client";
import { useState } from "react";
import type { UseMutationResult } from "@tanstack/react-query";

/**
 * Runs an anchor mutation (confirm or place) for the orphan list and the
 * Outcome panel: clears the last error, keeps the server's message when it
 * refuses, and calls `onDone` once it succeeded.
 */
export function useAnchorSettling<TData, TVars, TContext>(mutation: UseMutationResult<TData, Error, TVars, TContext>) {
  const [error, setError] = useState<string | null>(null);
  const run = (vars: TVars, onDone?: () => void) => {
    setError(null);
    mutation.mutate(vars, { onSuccess: () => onDone?.(), onError: (e) => setError(e.message) });
  };
  return { run, error, pending: mutation.isPending };
}
