import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { warmExtraction } from "@/tests/support/warm-extraction";
import { AppError } from "@/lib/errors";
import { importArticleText } from "@/lib/anchoring/strip-furniture";
import { normalizeText } from "@/lib/anchoring/normalize-text";
import { MAX_IMPORT_BYTES, MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/article";
import { formatOf, importSource } from "./import-source";

const seed = readFileSync(new URL("../../seeds/articles/001_bb3c64dddcf2a7b9.txt", import.meta.url), "utf8");
const file = (name: string, content: string | Uint8Array) => ({ file: { name, base64: Buffer.from(content).toString("base64") } });
const failure = async (fn: () => Promise<unknown>) => {
  try {
    await fn();
  } catch (e) {
    if (e instanceof AppError) return `${e.status}:${e.field ?? ""}`;
    throw e;
  }
  return "ok";
};

beforeAll(warmExtraction, 120_000);

describe("importSource", () => {
  it("cleans pasted text exactly as the seed importer does, and reports what it removed", async () => {
    const r = await importSource({ text: seed });
    expect(r.text).toBe(importArticleText(seed).text);
    expect(r.removed.length).toBeGreaterThan(0);
    expect(r.format).toBe("text");
  });

  it("puts back exactly the blocks the user restores", async () => {
    const { removed } = await importSource({ text: seed });
    const all = await importSource({ text: seed }, { restore: removed.map((_, i) => i) });
    expect(all.text).toBe(normalizeText(seed));
    const first = await importSource({ text: seed }, { restore: [0] });
    for (const line of removed[0]!.lines) expect(first.text.split("\n")).toContain(line);
    for (const block of removed.slice(1)) for (const line of block.lines) expect(first.text.split("\n")).not.toContain(line);
    expect(await failure(() => importSource({ text: seed }, { restore: [removed.length] }))).toBe("400:restore");
  });

  it("reads .html and .md files by their extension", async () => {
    expect((await importSource(file("a.HTML", "<nav>Menu</nav><p>One</p><script>x</script><p>Two</p>"))).text).toBe("One\nTwo");
    expect((await importSource(file("a.md", "# Head\n\nSome *words*"))).text).toBe("Head\nSome words");
    expect((await importSource(file("a.txt", "Plain *text*"))).text).toBe("Plain *text*");
    expect(await failure(() => importSource(file("a.pdf", "x")))).toBe("400:file");
    expect(formatOf("no-extension")).toBeNull();
  });

  it("refuses a file that is not UTF-8 instead of guessing", async () => {
    const latin1 = Uint8Array.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6e, 0x6f, 0x69, 0x72]); // "Café noir" in Latin-1
    expect(await failure(() => importSource(file("cafe.txt", latin1)))).toBe("400:file");
  });

  it("refuses UTF-16 without a byte-order mark, which passes the UTF-8 check as H\\0e\\0…", async () => {
    const utf16 = Buffer.from("Hello, Seoul.\nSecond line.", "utf16le");
    expect(new TextDecoder("utf-8", { fatal: true }).decode(utf16)).toContain("H\u0000e\u0000");
    for (const name of ["letter.txt", "letter.md", "letter.html"])
      expect(await failure(() => importSource(file(name, utf16)))).toBe("400:file");
    const bigEndian = Buffer.from(utf16.map((_, i) => utf16[i ^ 1]!));
    expect(await failure(() => importSource(file("letter.txt", bigEndian)))).toBe("400:file");
    await expect(importSource(file("letter.txt", utf16))).rejects.toThrow(/U\+0000 on line 1.*UTF-16/);
  });

  it("refuses C0 control characters other than tab and line breaks, in files and in pasted text", async () => {
    for (const code of [0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x0e, 0x1b, 0x1f]) {
      const text = `First line.\nSecond ${String.fromCharCode(code)} line.`;
      expect(await failure(() => importSource({ text })), `U+${code.toString(16)}`).toBe("400:text");
      expect(await failure(() => importSource(file("a.txt", text))), `U+${code.toString(16)}`).toBe("400:file");
    }
    await expect(importSource({ text: "One.\r\nTwo.\nThree \u0002." })).rejects.toThrow(/U\+0002 on line 3/);
    // Tab, CR and LF are text; so are DEL and the C1 range, which Windows-1252 text decodes to.
    expect((await importSource({ text: "One\tword.\r\nTwo.\rThree \u007f\u0085 end." })).text).toBe("One word.\nTwo.\nThree \u007f\nend.");
    expect((await importSource(file("a.txt", "Tabbed\tline.\r\nNext."))).text).toBe("Tabbed line.\nNext.");
  });

  it("refuses empty text and text over the 1 MiB cap", async () => {
    expect(await failure(() => importSource({ text: "  \n\u00a0 \n" }))).toBe("400:text");
    expect(await failure(() => importSource(file("empty.html", "<script>only()</script>")))).toBe("400:file");
    expect(await failure(() => importSource({ text: "é".repeat(MAX_IMPORT_BYTES / 2 + 1) }))).toBe("413:");
    expect(await failure(() => importSource(file("big.txt", "a".repeat(MAX_IMPORT_BYTES + 1))))).toBe("413:");
    expect(await failure(() => importSource(file("huge.html", "a".repeat(MAX_IMPORT_FILE_BYTES + 1))))).toBe("413:");
    expect((await importSource({ text: "a".repeat(MAX_IMPORT_BYTES) })).text.length).toBe(MAX_IMPORT_BYTES);
  });
});
