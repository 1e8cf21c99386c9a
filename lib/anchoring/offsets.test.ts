import { describe, expect, it } from "vitest";
import { OffsetIndex, codePointLength, codePointToUtf16, headUtf16, sliceCodePoints, tailUtf16, utf16ToCodePoint } from "./offsets";

// '𝕏' is U+1D54F: one code point, two UTF-16 units.
const TEXT = "a𝕏b 😀!";
//            cp: a0 𝕏1 b2 ' '3 😀4 !5 (length 6); utf16: a0 𝕏1-2 b3 ' '4 😀5-6 !7 (length 8)

/** Deterministic pseudo-random text mixing ASCII, BMP non-ASCII, pairs and lone surrogates. */
function mixedText(seed: number, length: number): string {
  const pieces = ["a", " ", "\n", "é", "서", "’", "𝕏", "😀", "\uD800", "\uDC00"];
  let state = seed;
  let out = "";
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += pieces[state % pieces.length];
  }
  return out;
}

describe("codePointLength", () => {
  it("counts a surrogate pair once", () => {
    expect(TEXT.length).toBe(8);
    expect(codePointLength(TEXT)).toBe(6);
    expect(codePointLength("")).toBe(0);
    expect(codePointLength("q\u0307")).toBe(2);
  });

  it("counts lone surrogates as one code point each", () => {
    expect(codePointLength("\uD800a\uDC00")).toBe(3);
    expect(codePointLength("\uDC00\uD800")).toBe(2);
  });
});

describe("utf16ToCodePoint / codePointToUtf16", () => {
  it("converts offsets before, inside and after a character outside the BMP", () => {
    expect([0, 1, 3, 4, 5, 7, 8].map((u) => utf16ToCodePoint(TEXT, u))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect([0, 1, 2, 3, 4, 5, 6].map((cp) => codePointToUtf16(TEXT, cp))).toEqual([0, 1, 3, 4, 5, 7, 8]);
  });

  it("rounds an offset inside a surrogate pair down to the pair start", () => {
    expect(utf16ToCodePoint(TEXT, 2)).toBe(1);
    expect(utf16ToCodePoint(TEXT, 6)).toBe(4);
    expect(codePointToUtf16(TEXT, utf16ToCodePoint(TEXT, 2))).toBe(1);
  });

  it("round-trips every offset", () => {
    const text = mixedText(7, 400);
    for (let cp = 0; cp <= codePointLength(text); cp++) {
      expect(utf16ToCodePoint(text, codePointToUtf16(text, cp))).toBe(cp);
    }
    for (let u = 0; u <= text.length; u++) {
      const back = codePointToUtf16(text, utf16ToCodePoint(text, u));
      const insidePair = /[\uD800-\uDBFF]/.test(text.charAt(u - 1)) && /[\uDC00-\uDFFF]/.test(text.charAt(u));
      expect(back).toBe(insidePair ? u - 1 : u);
    }
  });

  it("clamps out-of-range input", () => {
    expect(utf16ToCodePoint(TEXT, -3)).toBe(0);
    expect(utf16ToCodePoint(TEXT, 99)).toBe(6);
    expect(utf16ToCodePoint(TEXT, Number.NaN)).toBe(0);
    expect(codePointToUtf16(TEXT, -1)).toBe(0);
    expect(codePointToUtf16(TEXT, 99)).toBe(8);
    expect(codePointToUtf16(TEXT, Number.POSITIVE_INFINITY)).toBe(8);
  });
});

describe("sliceCodePoints", () => {
  it("slices by code points", () => {
    expect(sliceCodePoints(TEXT, 1, 3)).toBe("𝕏b");
    expect(sliceCodePoints(TEXT, 4, 5)).toBe("😀");
    expect(sliceCodePoints(TEXT, 3, 99)).toBe(" 😀!");
    expect(sliceCodePoints(TEXT, 4, 2)).toBe("");
  });
});

describe("OffsetIndex", () => {
  it("is the identity on all-BMP text, with clamping", () => {
    const index = new OffsetIndex("서울 “NATO” ’s");
    expect(index.isIdentity).toBe(true);
    expect(index.toUtf16(5)).toBe(5);
    expect(index.toCodePoint(5)).toBe(5);
    expect(index.toUtf16(-1)).toBe(0);
    expect(index.toCodePoint(1000)).toBe(12);
  });

  it("agrees with the linear functions everywhere", () => {
    for (const seed of [1, 2, 3]) {
      const text = mixedText(seed, 300);
      const index = new OffsetIndex(text);
      expect(index.codePointLength).toBe(codePointLength(text));
      for (let u = -2; u <= text.length + 2; u++) expect(index.toCodePoint(u)).toBe(utf16ToCodePoint(text, u));
      for (let cp = -2; cp <= index.codePointLength + 2; cp++) expect(index.toUtf16(cp)).toBe(codePointToUtf16(text, cp));
    }
  });

  it("handles 1,000 spans on a 100,000-character article", () => {
    const text = "Stoltenberg met Park Jin in Seoul 𝕏 and said “more”. ".repeat(1900).slice(0, 100_000);
    const index = new OffsetIndex(text);
    const started = performance.now();
    for (let k = 0; k < 1000; k++) {
      const cp = (k * 97) % index.codePointLength;
      expect(index.toCodePoint(index.toUtf16(cp))).toBe(cp);
    }
    // Generous bound: the point is O(log n) per call, not a benchmark.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(index.toUtf16(99_000)).toBe(codePointToUtf16(text, 99_000));
  });
});

describe("tailUtf16 / headUtf16", () => {
  it("keep at most max UTF-16 units and never split a surrogate pair", () => {
    expect(tailUtf16("abc", 5)).toBe("abc");
    expect(tailUtf16("abcdef", 3)).toBe("def");
    // "𝕏" is two UTF-16 units: a cut inside it drops it.
    expect(tailUtf16("a𝕏bc", 3)).toBe("bc");
    expect(tailUtf16("a𝕏bc", 4)).toBe("𝕏bc");
    expect(headUtf16("ab𝕏c", 3)).toBe("ab");
    expect(headUtf16("ab𝕏c", 4)).toBe("ab𝕏");
    expect(headUtf16("abc", 2)).toBe("ab");
    for (const s of ["𝕏".repeat(40), "é𝕏".repeat(30)]) {
      for (const f of [tailUtf16(s, 32), headUtf16(s, 32)]) {
        expect(f.length).toBeLessThanOrEqual(32);
        expect(f.isWellFormed()).toBe(true);
      }
    }
  });
});
