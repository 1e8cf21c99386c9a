import { describe, expect, it } from "vitest";
import { codePointLength, sliceCodePoints } from "./offsets";
import { CONTEXT_LENGTH, describeSpan, quoteMatchesPosition, trimSpan, validateSpan } from "./selectors";

const cps = (s: string) => codePointLength(s);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const KOREAN =
  "서울에서 열린 회의에서 스톨텐베르그 사무총장은 “한국이 우크라이나를 더 도와야 한다”고 말했다. NATO’s chief said “more” 😀 was needed, and 𝕏 posts agreed.";

describe("describeSpan", () => {
  it("keeps exactly 32 code points of context on each side, with non-ASCII text", () => {
    const start = KOREAN.indexOf("chief"); // all-BMP before this point, so UTF-16 = code points
    const { quote, position } = describeSpan(KOREAN, start, start + 5);
    expect(quote).toEqual({
      type: "TextQuoteSelector",
      exact: "chief",
      prefix: "이 우크라이나를 더 도와야 한다”고 말했다. NATO’s ",
      suffix: " said “more” 😀 was needed, and 𝕏",
    });
    expect(cps(quote.prefix)).toBe(CONTEXT_LENGTH);
    expect(cps(quote.suffix)).toBe(CONTEXT_LENGTH);
    expect(quote.suffix.length).toBe(34); // two surrogate pairs
    expect(position).toEqual({ type: "TextPositionSelector", start, end: start + 5 });
  });

  it("counts context in code points when it contains characters outside the BMP", () => {
    const start = cps(KOREAN) - cps("posts agreed.");
    const end = start + cps("posts");
    const { quote, position } = describeSpan(KOREAN, start, end);
    expect(quote.exact).toBe("posts");
    expect(quote.prefix).toBe("said “more” 😀 was needed, and 𝕏 ");
    expect(cps(quote.prefix)).toBe(32);
    expect(quote.prefix.length).toBe(34); // two surrogate pairs
    expect(quote.suffix).toBe(" agreed."); // shorter at the end of the text
    expect(position.start).toBe(start);
  });

  it("gives shorter context at the start of the text", () => {
    const { quote } = describeSpan(KOREAN, 0, 2);
    expect(quote).toEqual({ type: "TextQuoteSelector", exact: "서울", prefix: "", suffix: KOREAN.slice(2, 34) });
  });

  it("never splits a surrogate pair in a span that starts or ends at one", () => {
    const text = `${"x".repeat(40)}😀${"y".repeat(31)}𝕏${"z".repeat(40)}`;
    const start = 40; // the emoji
    const end = 41 + 31 + 1; // through 𝕏
    const { quote } = describeSpan(text, start, end);
    expect(quote.exact).toBe(`😀${"y".repeat(31)}𝕏`);
    expect(quote.prefix).toBe("x".repeat(32));
    expect(quote.suffix).toBe("z".repeat(32));
    for (const part of [quote.prefix, quote.exact, quote.suffix]) expect(part).not.toMatch(LONE_SURROGATE);
    // 32 UTF-16 units back from 𝕏 would land inside 😀; 32 code points land on its start.
    const { quote: ctx } = describeSpan(text, 72, 73);
    expect(ctx.exact).toBe("𝕏");
    expect(ctx.prefix).toBe(`😀${"y".repeat(31)}`);
    expect(ctx.prefix).not.toMatch(LONE_SURROGATE);
  });

  it("clamps offsets and treats a reversed span as empty", () => {
    expect(describeSpan("abc", -5, 99).position).toEqual({ type: "TextPositionSelector", start: 0, end: 3 });
    expect(describeSpan("abc", 2, 1).quote.exact).toBe("");
  });
});

describe("validateSpan", () => {
  const text = "Seoul 😀 said\nmore.";
  it("accepts a real span, including one across a paragraph break", () => {
    expect(validateSpan(text, 0, 5)).toEqual({ ok: true });
    expect(validateSpan(text, 6, 7)).toEqual({ ok: true });
    expect(validateSpan(text, 8, 18)).toEqual({ ok: true });
  });

  it("names what is wrong", () => {
    const len = cps(text);
    expect(validateSpan(text, 3, 3)).toEqual({ ok: false, reason: "empty" });
    expect(validateSpan(text, 4, 2)).toEqual({ ok: false, reason: "reversed" });
    expect(validateSpan(text, -1, 2)).toEqual({ ok: false, reason: "out-of-range" });
    expect(validateSpan(text, 0, len + 1)).toEqual({ ok: false, reason: "out-of-range" });
    expect(validateSpan(text, 0.5, 2)).toEqual({ ok: false, reason: "out-of-range" });
    expect(validateSpan(text, 12, 13)).toEqual({ ok: false, reason: "whitespace-only" });
    expect(validateSpan(text, len - 1, len)).toEqual({ ok: true });
  });
});

describe("trimSpan", () => {
  it("drops whitespace a mouse selection grabbed", () => {
    const text = "He said “more” 😀 \nnow.";
    expect(trimSpan(text, 7, 15)).toEqual({ start: 8, end: 14 });
    expect(sliceCodePoints(text, 8, 14)).toBe("“more”");
    expect(trimSpan(text, 15, 18)).toEqual({ start: 15, end: 16 }); // the emoji, without ' \n'
    expect(trimSpan(text, 16, 21)).toEqual({ start: 18, end: 21 });
  });

  it("leaves a tight span alone and collapses a blank one", () => {
    expect(trimSpan("a b", 0, 3)).toEqual({ start: 0, end: 3 });
    expect(trimSpan("a  \n b", 1, 5)).toEqual({ start: 5, end: 5 });
    expect(trimSpan("ab", -4, 10)).toEqual({ start: 0, end: 2 });
  });
});

describe("quoteMatchesPosition", () => {
  it("is true for selectors built from the same text", () => {
    const sel = describeSpan(KOREAN, cps(KOREAN) - 20, cps(KOREAN) - 10);
    expect(quoteMatchesPosition(KOREAN, sel)).toBe(true);
  });

  it("is false when the text moved or the position is bad", () => {
    const sel = describeSpan(KOREAN, 0, 2);
    expect(quoteMatchesPosition(`X${KOREAN}`, sel)).toBe(false);
    expect(quoteMatchesPosition(KOREAN, { ...sel, position: { ...sel.position, end: 999 } })).toBe(false);
    expect(quoteMatchesPosition(KOREAN, { ...sel, position: { ...sel.position, start: 3, end: 1 } })).toBe(false);
  });
});
