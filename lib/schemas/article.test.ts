import { describe, expect, it } from "vitest";
import { createArticleSchema, isHttpUrl, isRealDate } from "./article";

describe("article schemas", () => {
  it("accepts only real calendar dates", () => {
    expect(isRealDate("2023-01-30")).toBe(true);
    expect(isRealDate("2024-02-29")).toBe(true);
    expect(isRealDate("2023-02-29")).toBe(false);
    expect(isRealDate("2023-13-01")).toBe(false);
    expect(isRealDate("30/01/2023")).toBe(false);
  });

  it("accepts only http and https addresses", () => {
    expect(isHttpUrl("https://www.dw.com/en/nato")).toBe(true);
    expect(isHttpUrl("http://example.org")).toBe(true);
    expect(isHttpUrl("javascript:alert(1)")).toBe(false);
    expect(isHttpUrl("ftp://example.org/file")).toBe(false);
    expect(isHttpUrl("www.dw.com")).toBe(false);
  });

  it("names the field at fault, treats blank fields as absent and wants exactly one source", () => {
    const field = (input: unknown) => {
      const r = createArticleSchema.safeParse(input);
      return r.success ? "ok" : r.error.issues[0]!.path.join(".");
    };
    expect(field({ text: "x", url: "ftp://x" })).toBe("url");
    expect(field({ text: "x", publishedDate: "2023-02-30" })).toBe("publishedDate");
    expect(field({ text: "x", title: "t".repeat(301) })).toBe("title");
    expect(field({})).toBe("text");
    expect(field({ text: "x", file: { name: "a.txt", base64: "eA==" } })).toBe("text");
    expect(field({ file: { name: "a.txt", base64: "not base64!" } })).toBe("file.base64");
    const ok = createArticleSchema.parse({ text: "x", title: "  ", url: "", publishedDate: "" });
    expect(ok).toMatchObject({ title: null, url: null, publishedDate: null, restore: [] });
  });
});
