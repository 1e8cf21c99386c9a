"use client";
import { useEffect, useState } from "react";

/** Cards rendered at first (and by the server), and added each time the reader nears the end of the list. */
export const CARD_PAGE = 100;

/**
 * How many of a long claims list's cards to render: a page at first, the
 * next page whenever the sentinel after the last card comes near the
 * viewport, and always through the selected claim (a highlight clicked far
 * down the text brings its card along). An article of 5,000 claims then
 * renders, hydrates and re-renders 100 cards, not 5,000;
 * its highlights are all in the text from the start.
 */
export function useShownCards(total: number, selectedIndex: number) {
  const [pages, setPages] = useState(1);
  // A callback ref (state): the observer follows the sentinel element as it comes and goes.
  const [sentinel, setSentinel] = useState<HTMLLIElement | null>(null);
  const shown = Math.min(total, Math.max(pages * CARD_PAGE, selectedIndex + 1 + CARD_PAGE / 2));
  const more = shown < total;
  useEffect(() => {
    const el = sentinel;
    if (!more || !el || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setPages((p) => p + 1), {
      rootMargin: "800px",
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [more, shown, sentinel]);
  return { shown, more, sentinel: setSentinel, showAll: () => setPages(Math.ceil(total / CARD_PAGE)) };
}
