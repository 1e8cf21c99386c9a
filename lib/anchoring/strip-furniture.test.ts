import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { normalizeText } from "./normalize-text";
import { importArticleText, stripFurniture, type RemovedBlock } from "./strip-furniture";

const readSeed = (name: string) => readFileSync(new URL(`../../seeds/articles/${name}.txt`, import.meta.url), "utf8");

/** The normalized input with exactly the removed blocks cut out must equal the output. */
function expectOnlyBlocksRemoved(raw: string, text: string, removed: RemovedBlock[]): void {
  const lines = normalizeText(raw).split("\n");
  const dropped = new Set<number>();
  for (const block of removed) {
    expect(lines.slice(block.index, block.index + block.lines.length)).toEqual(block.lines);
    block.lines.forEach((_, k) => dropped.add(block.index + k));
  }
  expect(text).toBe(lines.filter((_, i) => !dropped.has(i)).join("\n"));
}

function importSeed(name: string) {
  const raw = readSeed(name);
  const result = importArticleText(raw);
  expectOnlyBlocksRemoved(raw, result.text, result.removed);
  return { ...result, lines: result.text.split("\n") };
}

describe("importArticleText on the seed articles", () => {
  it("000: has no furniture", () => {
    const { text, removed } = importSeed("000_adab854ca7d5bdf4");
    expect(removed).toEqual([]);
    expect(text).toBe(normalizeText(readSeed("000_adab854ca7d5bdf4")));
  });

  it("001: strips the crumb and the category line, keeps the headline and source", () => {
    const { lines, removed } = importSeed("001_bb3c64dddcf2a7b9");
    expect(removed).toEqual([
      { kind: "crumb", index: 0, lines: ["Home » Revealing Mission Secretary General of NATO Jens Stoltenberg Visit to Asia"] },
      { kind: "category-line", index: 1, lines: ["China European Union Featured Global News NATO News"] },
    ]);
    expect(lines[0]).toBe("Revealing Mission Secretary General of NATO Jens Stoltenberg Visit to Asia");
    expect(lines[1]).toMatch(/^Jakarta – During his visit to Asia/);
    expect(lines.at(-1)).toBe("Source: detik");
  });

  it('002: strips the empty "Updated Date:" and the teaser tail', () => {
    const { text, lines, removed } = importSeed("002_1ab7544f7cdacd8f");
    expect(removed.map((b) => [b.kind, b.index, b.lines.length])).toEqual([
      ["updated-date", 17, 1],
      ["also-read", 18, 13],
    ]);
    expect(removed[0]?.lines).toEqual(["Updated Date:"]);
    expect(removed[1]?.lines[0]).toBe("also read");
    expect(removed[1]?.lines.at(-1)).toMatch(/^More than 10,000 US soldiers/);
    expect(lines.at(-1)).toBe("With input from agencies");
    expect(lines[0]).toBe("As NATO Secretary-General Jens Stoltenberg reaches out Asia, China and North Korea warn it's going too far");
    expect(lines).toContain("FP Staff January 31, 2023 13:32:53 IST");
    expect(text).not.toContain("Sweden approves");
    expect(text).not.toContain("\u00A0");
  });

  it("003: strips the subscribe box", () => {
    const { lines, removed } = importSeed("003_45922cfce2def125");
    expect(removed).toEqual([
      { kind: "subscribe", index: 12, lines: ["Discover more from Meritnews24", "Subscribe to get the latest posts sent to your email."] },
    ]);
    expect(lines.at(-1)).toMatch(/expanding its partnership in Asia\.$/);
    expect(lines[0]).toMatch(/^NATO Secretary-General Jens Stoltenberg meets with/);
  });

  it('004: strips the trailing "You may also like"', () => {
    const { lines, removed } = importSeed("004_9860bfa2709a7987");
    expect(removed).toEqual([{ kind: "may-also-like", index: 18, lines: ["You may also like"] }]);
    expect(lines.at(-1)).toMatch(/^“It is as clear as noonday.*” he said\.$/);
    expect(lines.slice(0, 2)).toEqual(["‘Asian version of NATO’: North Korea slams NATO chief’s trip to region", "by Anadolu Agency"]);
  });

  it("is stable: importing the result again removes nothing", () => {
    for (const name of [
      "000_adab854ca7d5bdf4",
      "001_bb3c64dddcf2a7b9",
      "002_1ab7544f7cdacd8f",
      "003_45922cfce2def125",
      "004_9860bfa2709a7987",
    ]) {
      const once = importArticleText(readSeed(name));
      expect(importArticleText(once.text)).toEqual({ text: once.text, removed: [] });
    }
  });
});

const body = (n: number) => Array.from({ length: n }, (_, i) => `Body paragraph ${i + 1} says something.`);

describe("stripFurniture rules", () => {
  it("recognizes the three crumb separators, only near the top", () => {
    for (const sep of ["»", ">", "/"]) {
      expect(stripFurniture(`Home ${sep} World\nText.`).text).toBe("Text.");
    }
    const late = ["a.", "b.", "c.", "Home > World"].join("\n");
    expect(stripFurniture(late).removed).toEqual([]);
  });

  it("keeps a title-case headline that repeats the crumb trail", () => {
    const text = "Home » World » North Korea Slams NATO Chief\nNorth Korea Slams NATO Chief\nText.";
    expect(stripFurniture(text).text).toBe("North Korea Slams NATO Chief\nText.");
  });

  it("only treats a capitalized word list as categories right after a crumb", () => {
    expect(stripFurniture("China European Union NATO News\nText.").removed).toEqual([]);
    expect(stripFurniture("Home » X\nNATO Chief Visits Seoul, Tokyo\nText.").text).toBe("NATO Chief Visits Seoul, Tokyo\nText.");
    expect(stripFurniture("Home » X\nNATO chief visits Seoul\nText.").text).toBe("NATO chief visits Seoul\nText.");
  });

  it('removes an inline "Also Read:" teaser line but keeps the body after it', () => {
    const text = [...body(3), "Also Read: Sweden approves NATO entry", ...body(2)].join("\n");
    const { text: out, removed } = stripFurniture(text);
    expect(removed).toEqual([{ kind: "also-read", index: 3, lines: ["Also Read: Sweden approves NATO entry"] }]);
    expect(out).toBe([...body(3), ...body(2)].join("\n"));
  });

  it("cuts a teaser tail from a label-only line, but never from the first half", () => {
    const tail = [...body(6), "Read more", "Teaser one", "World"].join("\n");
    expect(stripFurniture(tail).text).toBe(body(6).join("\n"));
    const early = ["Related", ...body(6)].join("\n");
    expect(stripFurniture(early).text).toBe(early);
  });

  it('keeps "Updated Date:" with a date and sentences that merely start like furniture', () => {
    const text = [
      "Updated Date: January 31, 2023",
      "Subscribers said the price rose.",
      "Related reports were denied.",
      "Home prices fell.",
    ].join("\n");
    expect(stripFurniture(text).removed).toEqual([]);
  });

  it("handles the empty text", () => {
    expect(stripFurniture("")).toEqual({ text: "", removed: [] });
  });
});
