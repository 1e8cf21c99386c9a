import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createArticle } from "@/lib/server/articles/create-article";
import { previewArticle } from "@/lib/server/articles/preview-article";
import { correctArticle } from "@/lib/server/articles/correct-article";
import { getArticle } from "@/lib/server/articles/get-article";
import { createClaim } from "@/lib/server/claims/create-claim";
import { makeDesk } from "../support/actors";
import { warmExtraction } from "../support/warm-extraction";
import { parseHTML } from "linkedom";
import { loadReport } from "@/lib/server/reports/load-report";
import { buildHtml } from "@/lib/export/html";
import { buildMarkdown } from "@/lib/export/markdown";
import { publishArticle } from "@/lib/server/publications/publish-article";
import { loadPublicPage } from "@/lib/server/publications/load-public-page";
import { renderPublicPage } from "@/lib/publish/render-public-page";
import { getRound } from "@/lib/server/reviews/get-round";
import { viewerOf } from "@/lib/server/visibility/viewer";

const BASE = "http://claimdesk.test";

const html = readFileSync(new URL("../fixtures/import/line-kinds.html", import.meta.url));
const NO_META = { title: null, outlet: null, author: null, publishedDate: null, modifiedDate: null, url: null };
const file = { name: "bridge.html", base64: html.toString("base64") };

let desk: Awaited<ReturnType<typeof makeDesk>>;
beforeAll(async () => {
  desk = await makeDesk(db);
  await warmExtraction();
});

/** The stored version's lines, each with its stored kind. */
async function storedLines(articleId: string, number: number) {
  const v = await db.articleVersion.findFirstOrThrow({ where: { articleId, number } });
  const lines = v.text.split("\n");
  const kinds = v.lineKinds as string[] | null;
  if (kinds) expect(kinds).toHaveLength(lines.length);
  return { text: v.text, kinds, byLine: new Map(lines.map((l, i) => [l, kinds?.[i] ?? "paragraph"])) };
}

describe("line kinds", () => {
  it("stores what each line of an HTML import was (heading, list item, quote), aligned to the text, which they leave unchanged", async () => {
    const preview = await previewArticle(desk.editor, { file, restore: [], drop: [] });
    const article = await createArticle(desk.editor, { file, restore: [], drop: [], ...NO_META });
    const { text, byLine, kinds } = await storedLines(article.id, 1);
    // Kinds are presentation only: the text is the preview's, one line per block.
    expect(text).toBe(preview.text);
    // The page's <h1> is its title, shown as the article's heading: not repeated as the text's first line.
    expect(preview.found.title?.value).toBe("Harbour bridge reopens after two-year repair");
    expect(byLine.has("Harbour bridge reopens after two-year repair")).toBe(false);
    expect(byLine.get("What the repair changed")).toBe("heading");
    expect(byLine.get("Traffic in the old town")).toBe("heading");
    expect(byLine.get("Buses return to the bridge on Thursday.")).toBe("list-item");
    expect(byLine.get("The weight limit stays at 18 tonnes until the final inspection in May.")).toBe("list-item");
    expect(byLine.get("We opened on the date we promised, and the bridge will outlast all of us.")).toBe("quote");
    expect([...byLine].find(([l]) => l.startsWith("The harbour bridge reopened"))?.[1]).toBe("paragraph");
    // The preview shows the same kinds, and the article's DTO carries them.
    expect(preview.lines.find((l) => l.text === "What the repair changed")?.kind).toBe("heading");
    expect(article.currentVersion.lineKinds).toEqual(kinds);
  });

  it("keeps kinds aligned when the editor drops a line, and stores none for a pasted text", async () => {
    const preview = await previewArticle(desk.editor, { file, restore: [], drop: [] });
    const drop = preview.lines.find((l) => l.text === "Buses return to the bridge on Thursday.")!.index;
    const article = await createArticle(desk.editor, { file, restore: [], drop: [drop], ...NO_META });
    const { text, byLine } = await storedLines(article.id, 1);
    expect(text).not.toContain("Buses return");
    expect(byLine.get("The weight limit stays at 18 tonnes until the final inspection in May.")).toBe("list-item");
    expect(byLine.get("Traffic in the old town")).toBe("heading");

    const pasted = await createArticle(desk.editor, { text: "A title\nA paragraph.", restore: [], drop: [], ...NO_META });
    expect((await storedLines(pasted.id, 1)).kinds).toBeNull();
    expect(pasted.currentVersion.lineKinds).toBeNull();
  });

  it("a claim on a heading covers the heading's characters", async () => {
    const article = await createArticle(desk.editor, { file, restore: [], drop: [], ...NO_META });
    const text = article.currentVersion.text;
    const start = text.indexOf("What the repair changed");
    const claim = await createClaim(desk.editor, article.id, {
      versionId: article.currentVersion.id,
      start,
      end: start + "What the repair changed".length,
      verdict: "verified",
    });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: claim.id } })).exact).toBe("What the repair changed");
  });

  it("a correction keeps the kind of each unchanged line; an edited line becomes a paragraph", async () => {
    const article = await createArticle(desk.editor, { file, restore: [], drop: [], ...NO_META });
    const next = article.currentVersion.text
      .replace("What the repair changed", "What the two-year repair changed")
      .replace("Shop owners in the old town said", "Shop owners said");
    const { article: corrected } = await correctArticle(desk.editor, article.id, { version: article.version, text: next });
    const { byLine, kinds } = await storedLines(article.id, 2);
    expect(byLine.get("What the two-year repair changed")).toBe("paragraph");
    expect(byLine.get("Traffic in the old town")).toBe("heading");
    expect(byLine.get("We opened on the date we promised, and the bridge will outlast all of us.")).toBe("quote");
    expect(corrected.currentVersion.lineKinds).toEqual(kinds);
    expect((await getArticle(desk.editor, article.id)).currentVersion.lineKinds).toEqual(kinds);
  });

  it("the reports, the published page and the round page draw the kinds the version stores", async () => {
    const article = await createArticle(desk.editor, {
      file,
      restore: [],
      drop: [],
      ...NO_META,
      title: "Harbour bridge reopens after two-year repair",
    });
    const text = article.currentVersion.text;
    const phrase = "What the repair changed";
    const at = text.indexOf(phrase);
    await createClaim(desk.editor, article.id, {
      versionId: article.currentVersion.id,
      start: at,
      end: at + phrase.length,
      verdict: "verified",
    });
    const editor = await viewerOf(desk.editor);

    // The reports: HTML elements, Markdown markers, the PDF's structure.
    const model = await loadReport(editor.visibility, article.id, { baseUrl: BASE });
    expect(model.version.lineKinds).toEqual(article.currentVersion.lineKinds);
    const html = parseHTML(buildHtml(model)).document.querySelector("#text .article-text")!;
    expect(Array.from(html.querySelectorAll("h3")).map((h) => h.textContent)).toEqual([
      "What the repair changed1",
      "Traffic in the old town",
    ]);
    expect(html.querySelector("h3 mark")!.textContent).toBe(phrase);
    expect(Array.from(html.querySelectorAll("ul > li")).map((li) => li.textContent)).toEqual([
      "Buses return to the bridge on Thursday.",
      "The weight limit stays at 18 tonnes until the final inspection in May.",
    ]);
    expect(html.querySelector("blockquote")!.textContent).toBe("We opened on the date we promised, and the bridge will outlast all of us.");
    const md = buildMarkdown(model);
    expect(md).toContain("\n### <mark>What the repair changed</mark><sup>[1](#claim-1)</sup>\n");
    expect(md).toContain("\n- Buses return to the bridge on Thursday.\n- The weight limit stays at 18 tonnes");
    expect(md).toContain("\n> We opened on the date we promised, and the bridge will outlast all of us.\n");

    // The published page, from the snapshot taken at publish.
    const publication = await publishArticle(editor, article.id, {}, BASE);
    const slug = publication.url!.split("/").pop()!;
    const input = await loadPublicPage(desk.team.slug, slug, BASE);
    expect(input.factCheck.version.lineKinds).toEqual(article.currentVersion.lineKinds);
    const page = parseHTML(renderPublicPage(input)).document.querySelector("#text .article-text")!;
    expect(Array.from(page.children).map((e) => e.tagName.toLowerCase())).toEqual([
      "p",
      "p",
      "h3",
      "p",
      "ul",
      "blockquote",
      "p",
      "h3",
      "p",
    ]);

    // The adjudication view is drawn from the round page's text and kinds.
    const round = await db.reviewRound.create({
      data: {
        teamId: desk.team.id,
        articleId: article.id,
        versionId: article.currentVersion.id,
        createdById: desk.editor.id,
        adjudicatorId: desk.editor.id,
        status: "revealed",
        revealedAt: new Date(),
      },
    });
    const detail = await getRound(editor, round.id);
    expect(detail.text).toBe(text);
    expect(detail.lineKinds).toEqual(article.currentVersion.lineKinds);
  });
});
