import { describe, expect, it } from "vitest";
import { CARD_PAGE, FIRST_CARDS, shownCards } from "./use-shown-cards";

describe("shownCards", () => {
  it("renders a long list's first 25 cards, then a page more per growth, and a short list whole", () => {
    expect(FIRST_CARDS).toBe(25);
    expect(shownCards(5000, 0, -1)).toBe(25);
    expect(shownCards(5000, 1, -1)).toBe(25 + CARD_PAGE);
    expect(shownCards(12, 0, -1)).toBe(12);
    expect(shownCards(5000, Math.ceil(5000 / CARD_PAGE), -1)).toBe(5000);
  });

  it("always reaches the selected claim, and half a page past it", () => {
    expect(shownCards(5000, 0, 3000)).toBe(3001 + CARD_PAGE / 2);
    expect(shownCards(5000, 0, 4990)).toBe(5000);
  });
});
