import { describe, expect, it } from "vitest";
import { articleTitleOrLead, articleNameText, firstWords } from "./article-name";

describe("an article's name", () => {
  const text = "NATO Secretary-General Jens Stoltenberg begins a visit to Asia, arriving in South Korea on Sunday (January 29).\nMore.";

  it("is its title, or, in plain text, the first words of its text as the article list shows them", () => {
    expect(articleTitleOrLead("Stoltenberg in Seoul", text)).toBe("Stoltenberg in Seoul");
    expect(articleTitleOrLead(null, text)).toBe("NATO Secretary-General Jens Stoltenberg begins a visit to Asia, arriving in…");
    expect(articleTitleOrLead("  ", "Short first line\nsecond")).toBe("Short first line");
    expect(articleTitleOrLead(null, "")).toBe("Untitled article");
    // The same words as the list's lead, which articleNameText quotes.
    expect(articleNameText({ title: null, lead: firstWords(text) })).toBe(`“${articleTitleOrLead(null, text)}”`);
  });
});
