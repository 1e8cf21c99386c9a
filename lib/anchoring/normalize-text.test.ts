import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText, splitParagraphs } from "./normalize-text";
import { codePointLength } from "./offsets";

const SEEDS = ["000_adab854ca7d5bdf4", "001_bb3c64dddcf2a7b9", "002_1ab7544f7cdacd8f", "003_45922cfce2def125", "004_9860bfa2709a7987"];
const readSeed = (name: string) => readFileSync(new URL(`../../seeds/articles/${name}.txt`, import.meta.url), "utf8");

describe("normalizeText", () => {
  it("composes to NFC", () => {
    expect(normalizeText("Caf\u0065\u0301")).toBe("Café");
    expect(normalizeText("e\u0301")).toHaveLength(1);
  });

  it("keeps a combining mark that has no precomposed form", () => {
    const out = normalizeText("q\u0307");
    expect(out).toBe("q\u0307");
    expect(codePointLength(out)).toBe(2);
  });

  it("composes letters brought together by removing an invisible character", () => {
    expect(normalizeText("e\u200B\u0301")).toBe("é");
  });

  it("turns CRLF and CR into LF", () => {
    expect(normalizeText("one\r\ntwo\rthree\nfour")).toBe("one\ntwo\nthree\nfour");
  });

  it("treats Unicode line and paragraph separators as line breaks", () => {
    expect(normalizeText("a\u2028b\u2029c\u0085d")).toBe("a\nb\nc\nd");
  });

  it("turns NBSP, tabs and other space separators into one space", () => {
    expect(normalizeText("a\u00A0b\tc\u2009d\u3000e\u202Ff")).toBe("a b c d e f");
    expect(normalizeText("a \u00A0\t  b")).toBe("a b");
  });

  it("removes BOM, zero-width spaces and soft hyphens but keeps ZWJ/ZWNJ", () => {
    expect(normalizeText("\uFEFFStol\u00ADten\u200Bberg")).toBe("Stoltenberg");
    expect(normalizeText("👩\u200D💻 \u200C")).toBe("👩\u200D💻 \u200C");
  });

  it("trims lines and drops blank-line runs, including NBSP-only lines", () => {
    expect(normalizeText("\n\n  first  \n\n\n \n\u00A0\n\t\nsecond \n\n")).toBe("first\nsecond");
  });

  it("gives the empty string for blank input", () => {
    expect(normalizeText("")).toBe("");
    expect(normalizeText(" \n\u00A0\r\n\t")).toBe("");
  });

  it("is idempotent", () => {
    const tricky = ["e\u200B\u0301 x", "\u2000a\u2001", " \u0301a", "q\u0307\u00AD\r\n\r\nb", "𝕏\u00A0𝕏"];
    for (const raw of [...tricky, ...SEEDS.map(readSeed)]) {
      const once = normalizeText(raw);
      expect(normalizeText(once)).toBe(once);
    }
  });

  it("leaves no leading or trailing newline and no empty line in a seed", () => {
    const out = normalizeText(readSeed("002_1ab7544f7cdacd8f"));
    expect(out.startsWith("\n") || out.endsWith("\n")).toBe(false);
    expect(splitParagraphs(out).every((line) => line.length > 0 && line === line.trim())).toBe(true);
    expect(out).not.toMatch(/\u00A0| {2}/);
  });
});

describe("splitParagraphs", () => {
  it("splits canonical text into lines", () => {
    expect(splitParagraphs("a\nb c\nd")).toEqual(["a", "b c", "d"]);
  });

  it("gives one empty paragraph for the empty text", () => {
    expect(splitParagraphs("")).toEqual([""]);
  });
});
