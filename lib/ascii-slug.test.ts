import { describe, expect, it } from "vitest";
import { asciiSlug } from "./ascii-slug";

describe("asciiSlug", () => {
  it("keeps ASCII letters and digits, drops accents, joins the rest with single hyphens", () => {
    expect(asciiSlug("  Café — Über: 2023 / Año!  ", 60)).toBe("cafe-uber-2023-ano");
  });

  it("cuts at `max` and never ends in a hyphen", () => {
    expect(asciiSlug("abc def", 4)).toBe("abc");
    expect(asciiSlug("abcd efgh", 6)).toBe("abcd-e");
  });

  it("is empty when nothing is left", () => {
    expect(asciiSlug("서울 東京", 40)).toBe("");
  });
});
