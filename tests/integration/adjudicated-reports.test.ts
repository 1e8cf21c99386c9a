import { beforeAll, describe, expect, it } from "vitest";
import { loadReport } from "@/lib/server/reports/load-report";
import { publishArticle } from "@/lib/server/publications/publish-article";
import { loadPublicPage } from "@/lib/server/publications/load-public-page";
import { renderPublicPage } from "@/lib/publish/render-public-page";
import { buildHtml } from "@/lib/export/html";
import { buildMarkdown } from "@/lib/export/markdown";
import { buildPdf } from "@/lib/export/pdf";
import type { ReportModel } from "@/lib/export/report-model";
import { loadVisibility, viewerOf } from "@/lib/server/visibility/viewer";
import type { CurrentUser } from "@/lib/auth/current-user";
import { currentUserOf } from "@/seeds/factories";
import { overlappingRuns, pdfText, pdfTextItems } from "../support/pdf-text";
import { AGREED_PHRASE } from "../support/review-desk";
import {
  AGREED_NOTE,
  DESK_NOTE,
  DISSENT_NOTE,
  EDITOR_NOTE,
  REVIEWER_NOTE,
  SPLIT_PHRASE,
  makeSplitVerdictRound,
} from "../support/split-verdict-round";
import { escapeHtml } from "@/lib/rich-text/escape-html";
import { db } from "@/lib/db";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";
import { toPublicFactCheck } from "@/lib/publish/public-fact-check";

const BASE = "http://claimdesk.test";

let desk: Awaited<ReturnType<typeof makeSplitVerdictRound>>;
let editor: CurrentUser;
let model: ReportModel;
beforeAll(async () => {
  desk = await makeSplitVerdictRound();
  editor = currentUserOf(desk.editor, desk.team, "editor");
  model = await loadReport(await loadVisibility(editor), desk.article.id, { baseUrl: BASE });
});

describe("the PDF report of an article with an adjudicated split", () => {
  it("prints the decided claim's rationale line under line, and no line of the report over another", async () => {
    const pdf = await buildPdf(model);
    const { items } = await pdfTextItems(pdf);
    const overlaps = overlappingRuns(items).map(([a, b]) => `${a.str} | ${b.str}`);
    expect(overlaps).toEqual([]);
    // The rationale whole and in order: the note (saved with a line break at its end), then the reviewer's part.
    expect(await pdfText(pdf)).toContain(
      `${SPLIT_PHRASE} Rationale: Adjudicator’s note ${DESK_NOTE} ${desk.reviewer1.name} (reviewer, Disputed): ${REVIEWER_NOTE}`,
    );
  });

  it("starts a line with the footnote marker that did not fit after its claim, a full line under the claim", async () => {
    const { items } = await pdfTextItems(await buildPdf(model));
    const number = model.claims.find((c) => c.exact === AGREED_PHRASE)!.number;
    const marker = items.find((i) => i.str === `[${number}]`)!;
    const claim = items.find((i) => i.str.includes(AGREED_PHRASE))!;
    // What this covers: the marker wrapped to the left margin, on the line under its claim's words.
    expect(marker.x).toBeCloseTo(56, 0);
    expect(marker.y).toBeLessThan(claim.y);
    // The text after the marker, on the marker's line, sits a whole line (10.5 pt type) under the claim's.
    const after = items.find((i) => i.page === marker.page && i.str.startsWith(". He is said"))!;
    expect(claim.y - after.y).toBeGreaterThanOrEqual(12);
  });
});

describe("the report header", () => {
  it("names the round's reviewers as reviewers, and the editor for what they did: adjudicated, and marked a claim outside the round", () => {
    const { editor, reviewer1, reviewer2 } = desk;
    const reviewers = [reviewer1.name, reviewer2.name].sort((a, b) => a.localeCompare(b)).join(", ");
    const html = buildHtml(model);
    expect(html).toContain(`<dt>Reviewers</dt><dd>${reviewers}</dd>`);
    expect(html).toContain(`<dt>Adjudicated by</dt><dd>${editor.name}</dd>`);
    expect(html).toContain(`<dt>Marked outside a round by</dt><dd>${editor.name}</dd>`);
    const md = buildMarkdown(model);
    expect(md).toContain(
      `| Reviewers | ${reviewers} |\n| Adjudicated by | ${editor.name} |\n| Marked outside a round by | ${editor.name} |`,
    );
    expect(md).not.toMatch(new RegExp(`\\| Reviewers \\|[^\\n]*${editor.name}`));
  });

  it("says the same in the PDF", async () => {
    const { editor, reviewer1, reviewer2 } = desk;
    const reviewers = [reviewer1.name, reviewer2.name].sort((a, b) => a.localeCompare(b)).join(", ");
    expect(await pdfText(await buildPdf(model))).toContain(
      `Reviewers: ${reviewers} Adjudicated by: ${editor.name} Marked outside a round by: ${editor.name} Generated:`,
    );
  });
});

describe("the public page of an adjudicated split", () => {
  it("gives the desk's verdict and rationale, and names no reviewer, role or reviewer's note", async () => {
    await publishArticle(await viewerOf(editor), desk.article.id, { slug: "split" }, BASE);
    const html = renderPublicPage(await loadPublicPage(desk.team.slug, "split", BASE));
    expect(html).toContain(`<blockquote>${SPLIT_PHRASE}</blockquote>\n<div class="rationale"><p>${DESK_NOTE}<br /></p></div>`);
    // The editor's own claim keeps its rationale.
    expect(html).toContain(`<div class="rationale"><p>${EDITOR_NOTE}</p></div>`);
    // The agreed cluster, accepted without a note: the reviewers' shared reasons, once, as the desk's.
    expect(html).toContain(`<div class="rationale"><p>${escapeHtml(AGREED_NOTE)}</p></div>`);
    expect(html.split(escapeHtml(AGREED_NOTE))).toHaveLength(2);
    for (const internal of [
      desk.reviewer1.name,
      desk.reviewer2.name,
      desk.editor.name,
      "reviewer",
      "Adjudicator",
      REVIEWER_NOTE,
      DISSENT_NOTE,
    ]) {
      expect(html).not.toContain(internal);
    }
  });
});

describe("an editor's own claim on the words a round decided", () => {
  it("is superseded by the round's claim in the desk's final claims, reports and public page; other words of theirs stay", async () => {
    await createClaimOnPhrase(db, {
      team: desk.team,
      version: desk.version,
      authorId: desk.editor.id,
      phrase: AGREED_PHRASE,
      verdict: "verified",
      rationaleHtml: "<p>Checked before the round.</p>",
    });
    const v = await loadVisibility(editor);
    const finals = await listFinalClaims(v, desk.article.id);
    expect(finals.filter((c) => c.exact === AGREED_PHRASE).map((c) => [c.source, c.verdict])).toEqual([["round", "disputed"]]);
    expect(finals.filter((c) => c.source === "editor").map((c) => c.rationaleHtml)).toEqual([`<p>${EDITOR_NOTE}</p>`]);
    // The editor's annotation is still theirs, in the article's claims.
    expect(await db.annotation.count({ where: { articleId: desk.article.id, authorId: desk.editor.id, deletedAt: null } })).toBe(2);

    const report = await loadReport(v, desk.article.id, { baseUrl: BASE });
    expect(buildMarkdown(report)).not.toContain("Checked before the round.");
    // What a publish would put on the public page: the decided words once.
    const published = toPublicFactCheck(report, desk.team.slug);
    expect(published.claims.filter((c) => c.exact === AGREED_PHRASE).map((c) => c.verdict)).toEqual(["disputed"]);
    expect(JSON.stringify(published)).not.toContain("Checked before the round.");
  });
});
