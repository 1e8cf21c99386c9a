import { describe, expect, it } from "vitest";
import { placeQuote } from "./place-quote";

const TEXT = "Stoltenberg met Yoon in Seoul. Later, Stoltenberg met Kishida in Tokyo. 𝕏 Then Stoltenberg met Yoon again.";

describe("placeQuote", () => {
  it("takes the position when the quote is there", () => {
    const start = [...TEXT].join("").indexOf("Stoltenberg met Kishida");
    expect(placeQuote(TEXT, { exact: "Stoltenberg met Kishida", start, end: start + 23 })).toEqual({
      ok: true,
      start,
      end: start + 23,
      how: "position",
    });
  });

  it("finds a unique quote when the position is stale or missing, in code points", () => {
    // 'Then' comes after the astral 𝕏: 74 code points in, 75 UTF-16 units.
    expect(TEXT.indexOf("Then Stoltenberg")).toBe(75);
    expect(placeQuote(TEXT, { exact: "Then Stoltenberg", start: 0, end: 16 })).toEqual({ ok: true, start: 74, end: 90, how: "quote" });
    expect([...TEXT].slice(74, 90).join("")).toBe("Then Stoltenberg");
  });

  it("tells identical phrases apart by prefix and suffix", () => {
    expect(placeQuote(TEXT, { exact: "Stoltenberg met Yoon", prefix: "Then ", suffix: " again." })).toMatchObject({
      ok: true,
      start: 79,
      how: "context",
    });
    expect(placeQuote(TEXT, { exact: "Stoltenberg met Yoon", prefix: "", suffix: " in Seoul" })).toMatchObject({
      ok: true,
      start: 0,
      how: "context",
    });
  });

  it("never guesses between identical phrases", () => {
    expect(placeQuote(TEXT, { exact: "Stoltenberg met Yoon" })).toEqual({ ok: false, reason: "ambiguous", matches: 2 });
    expect(placeQuote(TEXT, { exact: "Stoltenberg met", prefix: "nowhere " })).toEqual({ ok: false, reason: "ambiguous", matches: 3 });
    // A stated prefix does not fit the text's start, where nothing comes before.
    expect(placeQuote(TEXT, { exact: "Stoltenberg met Yoon", prefix: "Headline. " })).toMatchObject({ ok: false, reason: "ambiguous" });
    // A position pointing elsewhere does not break the tie either.
    expect(placeQuote(TEXT, { exact: "Stoltenberg met Yoon", start: 3, end: 23 })).toMatchObject({ ok: false, reason: "ambiguous" });
  });

  it("reports a quote that is not in the text, and an empty one", () => {
    expect(placeQuote(TEXT, { exact: "Biden met Yoon" })).toEqual({ ok: false, reason: "quote-not-found", matches: 0 });
    expect(placeQuote(TEXT, { exact: "" })).toEqual({ ok: false, reason: "empty-quote", matches: 0 });
  });

  it("compares in NFC", () => {
    expect(placeQuote("A café here.", { exact: "cafe\u0301" })).toEqual({ ok: true, start: 2, end: 6, how: "quote" });
  });
});
