import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { errorCode } from "../support/error-code";
import { importArticleText } from "@/lib/anchoring/strip-furniture";
import { createArticle } from "@/lib/server/articles/create-article";
import { previewArticle } from "@/lib/server/articles/preview-article";
import { listArticles } from "@/lib/server/articles/list-articles";
import { sha256Hex } from "@/seeds/factories";
import { makeDesk } from "../support/actors";
import { warmExtraction } from "../support/warm-extraction";
import { viewerOf } from "@/lib/server/visibility/viewer";

const seed = readFileSync(new URL("../../seeds/articles/001_bb3c64dddcf2a7b9.txt", import.meta.url), "utf8");
const html = readFileSync(new URL("../fixtures/import/nato-visit.html", import.meta.url));

let desk: Awaited<ReturnType<typeof makeDesk>>;
beforeAll(async () => {
  desk = await makeDesk(db);
  await warmExtraction();
});

describe("importing an article", () => {
  it("previews without saving: the cleaned text and every removed block", async () => {
    const before = await db.article.count({ where: { teamId: desk.team.id } });
    const preview = await previewArticle(desk.reviewer, { text: seed, restore: [], drop: [] });
    expect(preview.text).toBe(importArticleText(seed).text);
    expect(preview.removed.map((b) => b.kind)).toEqual(importArticleText(seed).removed.map((b) => b.kind));
    expect(await db.article.count({ where: { teamId: desk.team.id } })).toBe(before);
  });

  it("saves the article with its metadata, a first version, the restored blocks and an audit event", async () => {
    const preview = await previewArticle(desk.reviewer, { text: seed, restore: [], drop: [] });
    const restoredBlock = preview.removed[0]!;
    const dto = await createArticle(desk.reviewer, {
      text: seed,
      restore: [0],
      title: "NATO chief in Asia",
      outlet: "detik",
      author: null,
      publishedDate: "2023-01-30",
      modifiedDate: null,
      url: "https://news.detik.com/example",
      drop: [],
    });
    const row = await db.article.findUniqueOrThrow({ where: { id: dto.id }, include: { versions: true } });
    expect(row).toMatchObject({
      teamId: desk.team.id,
      title: "NATO chief in Asia",
      outlet: "detik",
      author: null,
      publishedDate: "2023-01-30",
      url: "https://news.detik.com/example",
      version: 1,
    });
    expect(row.sourceRef).toMatch(/^paste#/);
    expect(row.versions).toHaveLength(1);
    const v = row.versions[0]!;
    expect(v).toMatchObject({ number: 1, createdById: desk.reviewer.id, textHash: sha256Hex(v.text), length: [...v.text].length });
    for (const line of restoredBlock.lines) expect(v.text.split("\n")).toContain(line);
    expect((v.removedFurniture as unknown[]).length).toBe(preview.removed.length - 1);
    expect(await db.auditEvent.count({ where: { objectId: dto.id, action: "article.create" } })).toBe(1);
    expect((await listArticles(await viewerOf(desk.reviewer))).map((a) => a.id)).toContain(dto.id);
  });

  it("imports an HTML file sent as base64, dropping script, style and navigation", async () => {
    const dto = await createArticle(desk.editor, {
      file: { name: "nato-visit.html", base64: html.toString("base64") },
      restore: [],
      drop: [],
      title: null,
      outlet: null,
      author: null,
      publishedDate: null,
      modifiedDate: null,
      url: null,
    });
    const text = dto.currentVersion.text;
    // The page's headline is its title (the form's to keep or change), not the text's first line; with no title
    // given, the page's is saved (the headline is never lost), with where it came from.
    expect(text).not.toContain("NATO chief urges Seoul to step up support");
    expect(dto.title).toBe("NATO chief urges Seoul to step up support");
    expect(dto.metaSources?.title).not.toBe("editor");
    expect(text).toContain("Stoltenberg met Foreign Minister Park Jin in Seoul on Monday.");
    expect(text).not.toMatch(/tracker|Home|Subscribe to our newsletter|color:/);
    expect((await db.article.findUniqueOrThrow({ where: { id: dto.id } })).sourceRef).toMatch(/^upload:nato-visit\.html#/);
  });

  it("refuses what it cannot import, with the field named, and saves nothing", async () => {
    const before = await db.article.count({ where: { teamId: desk.team.id } });
    const meta = { restore: [], drop: [], title: null, outlet: null, author: null, publishedDate: null, modifiedDate: null, url: null };
    expect(await errorCode(createArticle(desk.reviewer, { ...meta, text: " \n " }))).toBe("400:text");
    expect(
      await errorCode(
        createArticle(desk.reviewer, {
          ...meta,
          file: { name: "latin1.txt", base64: Buffer.from([0x63, 0x61, 0x66, 0xe9]).toString("base64") },
        }),
      ),
    ).toBe("400:file");
    expect(await errorCode(createArticle(desk.reviewer, { ...meta, text: "x".repeat(1024 * 1024 + 1) }))).toBe("413:");
    expect(await errorCode(createArticle(desk.reviewer, { ...meta, text: seed, restore: [99] }))).toBe("400:restore");
    expect(await errorCode(createArticle(desk.reviewer, { ...meta, text: "Subscribe now" }))).toBe("400:restore");
    // UTF-16 without a byte-order mark is valid UTF-8 byte by byte (H, NUL, e, NUL, ...); control characters are never article text.
    const utf16 = Buffer.from(html.toString("utf8"), "utf16le").toString("base64");
    expect(await errorCode(createArticle(desk.reviewer, { ...meta, file: { name: "nato-visit.html", base64: utf16 } }))).toBe("400:file");
    expect(await errorCode(createArticle(desk.reviewer, { ...meta, text: `${seed}\u001b` }))).toBe("400:text");
    expect(await db.article.count({ where: { teamId: desk.team.id } })).toBe(before);
  });
});
