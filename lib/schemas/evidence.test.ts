import { describe, expect, it } from "vitest";
import { createEvidenceSchema, linkEvidenceSchema, listEvidenceQuery, updateEvidenceSchema } from "./evidence";

const fieldOf = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  r.success ? null : r.error!.issues[0]!.path.join(".");

describe("evidence schemas", () => {
  it("takes http and https URLs only, naming the field", () => {
    const base = { kind: "web_source", title: "T" };
    expect(createEvidenceSchema.safeParse({ ...base, url: "https://www.nato.int/cps/en/natohq/news_197287.htm" }).success).toBe(true);
    expect(createEvidenceSchema.safeParse({ ...base, url: "http://world.kbs.co.kr/x?a=1" }).success).toBe(true);
    for (const url of ["javascript:alert(1)", "ftp://example.org/x", "www.nato.int", "mailto:a@b.c", "https://"]) {
      expect(fieldOf(createEvidenceSchema.safeParse({ ...base, url })), url).toBe("url");
    }
    expect(createEvidenceSchema.parse({ ...base, url: "", publisher: "  " })).toMatchObject({ url: null, publisher: null });
  });

  it("takes real ISO dates, and a dated fact needs a date whose precision matches", () => {
    const fact = { kind: "dated_fact", title: "Summit" };
    expect(createEvidenceSchema.parse({ ...fact, date: "2022-06-28/2022-06-30", datePrecision: "day" }).date).toBe("2022-06-28/2022-06-30");
    expect(fieldOf(createEvidenceSchema.safeParse({ ...fact, date: "2022-06-30/2022-06-28" }))).toBe("date");
    expect(fieldOf(createEvidenceSchema.safeParse({ ...fact, date: "2022-02-30" }))).toBe("date");
    expect(fieldOf(createEvidenceSchema.safeParse(fact))).toBe("date");
    expect(fieldOf(createEvidenceSchema.safeParse({ ...fact, date: "2022-11", datePrecision: "day" }))).toBe("datePrecision");
    expect(fieldOf(createEvidenceSchema.safeParse({ kind: "web_source", title: "T", publishedDate: "2022-13-01" }))).toBe("publishedDate");
    expect(fieldOf(createEvidenceSchema.safeParse({ kind: "web_source", title: "T", accessedDate: "yesterday" }))).toBe("accessedDate");
    // A source is read today at the latest; a year or month already begun is fine.
    const web = { kind: "web_source", title: "T" } as const;
    const year = new Date().getUTCFullYear();
    expect(fieldOf(createEvidenceSchema.safeParse({ ...web, accessedDate: "2099-01-01" }))).toBe("accessedDate");
    expect(fieldOf(createEvidenceSchema.safeParse({ ...web, accessedDate: `${year + 1}` }))).toBe("accessedDate");
    expect(createEvidenceSchema.safeParse({ ...web, accessedDate: new Date().toISOString().slice(0, 10) }).success).toBe(true);
    expect(createEvidenceSchema.safeParse({ ...web, accessedDate: `${year}` }).success).toBe(true);
    expect(createEvidenceSchema.safeParse({ ...web, publishedDate: "2099-01-01" }).success).toBe(true);
    expect(fieldOf(createEvidenceSchema.safeParse({ kind: "rumour", title: "T" }))).toBe("kind");
    expect(fieldOf(createEvidenceSchema.safeParse({ kind: "web_source", title: " " }))).toBe("title");
  });

  it("names nested fields of inline evidence, and wants exactly one of evidenceId and evidence", () => {
    expect(
      fieldOf(
        linkEvidenceSchema.safeParse({ stance: "supports", evidence: { kind: "web_source", title: "T", url: "file:///etc/passwd" } }),
      ),
    ).toBe("evidence.url");
    expect(fieldOf(linkEvidenceSchema.safeParse({ stance: "supports" }))).toBe("evidenceId");
    expect(fieldOf(linkEvidenceSchema.safeParse({ stance: "agrees", evidenceId: "x" }))).toBe("stance");
    expect(linkEvidenceSchema.safeParse({ stance: "context", evidenceId: "x", pinpoint: "p. 4" }).success).toBe(true);
  });

  it("checks a PATCH's date on its own and wants a version", () => {
    expect(fieldOf(updateEvidenceSchema.safeParse({ version: 1, date: "2022-06-31" }))).toBe("date");
    expect(fieldOf(updateEvidenceSchema.safeParse({ title: "x" }))).toBe("version");
    expect(updateEvidenceSchema.parse({ version: 2, url: "" })).toEqual({ version: 2, url: null });
    expect(listEvidenceQuery.parse({ q: "madrid", kind: "" })).toEqual({ q: "madrid", kind: undefined });
  });
});
