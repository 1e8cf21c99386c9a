"use client";
import { useEffect, useState } from "react";

/** Cards added each time the reader nears the end of the list. */
export const CARD_PAGE = 100;
/**
 * Cards rendered at first (and by the server): more than a tall screen
 * shows, so the list's end is not in sight until the reader scrolls. Every
 * card rendered at first is also hydrated before the article's editor is made:
 * at 5,000 claims, 100 cards were about 90 KB of the page and a good part
 * of the hydration.
 */
export const FIRST_CARDS = 25;

/**
 * How many of a list of `total` cards to render after `pages` growths: the
 * first cards, a page more per growth, and always through the selected claim
 * (at `selectedIndex`, -1 for none) and half a page after it.
 */
export function shownCards(total: number, pages: number, selectedIndex: number): number {
  const throughSelected = selectedIndex < 0 ? 0 : selectedIndex + 1 + CARD_PAGE / 2;
  return Math.min(total, Math.max(FIRST_CARDS + pages * CARD_PAGE, throughSelected));
}

/**
 * How many of a long claims list's cards to render: a few at first, the
 * next page whenever the sentinel after the last card comes near the
 * viewport, and always through the selected claim (a highlight clicked far
 * down the text brings its card along). An article of 5,000 claims then
 * renders, hydrates and re-renders 25 cards, not 5,000;
 * its highlights are all in the text from the start.
 */
export function useShownCards(total: number, selectedIndex: number) {
  const [pages, setPages] = useState(0);
  // A callback ref (state): the observer follows the sentinel element as it comes and goes.
  const [sentinel, setSentinel] = useState<HTMLLIElement | null>(null);
  const shown = shownCards(total, pages, selectedIndex);
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
