"use client";
import { useCallback, useEffect, useRef } from "react";

/**
 * The cards of a side panel, by claim id, for `ref={cardRef(id)}`. The
 * selected card scrolls into view, so a highlight clicked in the text brings
 * its card along.
 */
export function useCardRefs(selectedId: string | null) {
  const cards = useRef(new Map<string, HTMLElement>());
  useEffect(() => {
    if (selectedId) cards.current.get(selectedId)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  }, [selectedId]);
  return useCallback(
    (id: string) => (el: HTMLElement | null) => {
      if (el) cards.current.set(id, el);
      else cards.current.delete(id);
    },
    [],
  );
}
