import { describe, expect, it } from "vitest";
import { buildHtml, escapeHtml } from "./html";
import { evidence, makeReportModel, makeRoundReportModel } from "@/tests/fixtures/report-model";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";

const PAYLOAD = `<img src=x onerror="alert(1)"><script>alert('x')</script>`;

describe("HTML report", () => {
  const model = makeReportModel();
  const html = buildHtml(model);

  it("is one self-contained file with a print stylesheet and no scripts (only a JSON-LD data block) or external resources", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    const withoutJsonLd = html.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, "");
    expect(withoutJsonLd).not.toMatch(/<script|<link |<img |<iframe|src=/i);
  });

  it("embeds the ClaimReview export as JSON-LD and names where it is published", () => {
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)];
    expect(blocks).toHaveLength(1);
    // Not published anywhere: no ClaimReview (it would point search engines at the desk's own report).
    expect(JSON.parse(blocks[0]![1]!)).toEqual([]);
    expect(html).not.toContain("Published at");
    const published = buildHtml(makeReportModel({ over: { publishedUrl: "https://news.example/checks/visit" } }));
    expect(published).toContain(
      `<dt>Published at</dt><dd><a href="https://news.example/checks/visit" rel="noopener noreferrer nofollow">https://news.example/checks/visit</a></dd>`,
    );
    expect(published).toContain(`<link rel="canonical" href="https://news.example/checks/visit">`);
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(published)![1]!) as { url: string }[];
    expect(ld.map((r) => r.url)).toEqual(
      model.claims.filter((c) => c.anchorState === "anchored").map((c) => `https://news.example/checks/visit#claim-${c.number}`),
    );
  });

  it("keeps user text inside the JSON-LD block from closing it", () => {
    const m = makeReportModel({
      claims: [{ exact: "arrived in Seoul", verdict: "disputed", speaker: "</script><script>alert(1)</script>" }],
      over: { publishedUrl: "https://news.example/checks/visit" },
    });
    const out = buildHtml(m);
    expect(out.match(/<script/g)).toHaveLength(1);
    const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>/.exec(out)![1]!) as {
      itemReviewed: { author: { name: string } };
    }[];
    expect(ld[0]!.itemReviewed.author.name).toBe("</script><script>alert(1)</script>");
  });

  it("numbers each claim's highlight with an anchor and a superscript", () => {
    for (const c of model.claims) {
      expect(html).toContain(`<mark id="claim-${c.number}" class="claim v-${c.verdict}" data-claim="${c.number}">`);
      expect(html).toContain(`<sup class="ref"><a href="#row-${c.number}">${c.number}</a></sup>`);
      expect(html).toContain(`<tr id="row-${c.number}"`);
    }
    expect(html).toContain(`<mark id="claim-2" class="claim v-unsourced" data-claim="2">“It’s a historic visit,” said a café owner</mark>`);
  });

  it("has the claims table, summary counts, agreement, team, reviewers, dates and version", () => {
    for (const s of [
      "Verified",
      "Disputed",
      "Unsourced",
      "Demo Desk",
      "Riya Reviewer",
      "Rafael Reviewer",
      "Same verdict",
      "0 of 1 (0%)",
      "Article version",
      "30 Jan 2023",
      "Reviewers disagreed on the verdict",
      "Decided by Eddie Editor",
      "<p>Nobody is named.</p>",
      "Finland joins NATO",
      "since deleted from the library",
      "It is not a truth value",
    ]) {
      expect(html).toContain(s);
    }
    expect(html).toContain(
      `<a href="https://www.nato.int/cps/en/natohq/news_211000.htm" rel="noopener noreferrer nofollow">NATO press release</a>`,
    );
  });

  it("lists a round's clusters rejected as not a claim in their own section, outside the claims table, escaped", () => {
    const out = buildHtml(makeRoundReportModel());
    const section = out.slice(out.indexOf(`<section id="rejected"`), out.indexOf("</section>", out.indexOf(`<section id="rejected"`)));
    expect(section).toContain(`<h2 id="rejected-h">Rejected as not a claim</h2>`);
    expect(section).toContain(`<article class="rejection" id="cluster-3">\n<h3>Cluster 3 · Marked by one reviewer</h3>`);
    expect(section).toContain(
      `<li><blockquote>a &lt;b&gt;crowded&lt;/b&gt; café &amp; bar</blockquote>Rafael Reviewer marked it <span class="verdict v-unsourced">Unsourced</span>: Who says so?</li>`,
    );
    expect(section).toContain(
      `<p>Rejected by Eddie Editor on 22 Nov 2026, 15:05 UTC</p>\n<div class="rationale"><p>A description of the scene, not a checkable statement.</p></div>`,
    );
    const claims = out.slice(out.indexOf(`<section id="claims"`), out.indexOf(`<section id="rejected"`));
    expect(claims).not.toContain("crowded");
    expect(out.indexOf(`<section id="rejected"`)).toBeGreaterThan(out.indexOf(`<section id="claims"`));
    expect(html).not.toContain(`id="rejected"`);
  });

  it("prints the adjudicator's note once when the claim's rationale carries it, and labels each cell for the narrow layout", () => {
    const m = makeReportModel();
    const decided = m.claims.find((c) => c.decision)!;
    const composed = {
      ...decided,
      rationaleHtml: "<p>Nobody is named.</p><p>Riya Reviewer: No name given.</p>",
      rationaleText: "Nobody is named.\nRiya Reviewer: No name given.",
    };
    const out = buildHtml({ ...m, claims: m.claims.map((c) => (c === decided ? composed : c)) });
    const table = out.slice(out.indexOf('<table class="claims">'), out.indexOf("</table>", out.indexOf('<table class="claims">')));
    expect(table.split("Nobody is named.").length - 1).toBe(1);
    // Without the note in the rationale, the decision cell still prints it.
    expect(buildHtml(m).split("<p>Nobody is named.</p>").length - 1).toBe(1);
    expect(table).toContain('<td class="claim" data-label="Claim"><blockquote');
    // Columns sized by their content, words broken only when wider than any column (a URL), cards on paper and narrow screens.
    expect(out).toContain("table.claims td { overflow-wrap: break-word; }");
    expect(out).not.toMatch(/table-layout: fixed|td \{ overflow-wrap: anywhere/);
    expect(out).toContain(
      "@media (max-width: 60rem), print {\n  table.claims, table.claims tbody, table.claims tr, table.claims td { display: block;",
    );
  });

  it("escapes every user string and keeps only sanitized rationale HTML", () => {
    const m = makeReportModel({
      claims: [
        {
          exact: "arrived in Seoul",
          verdict: "disputed",
          rationaleHtml: sanitizeRichText(`<p>See ${PAYLOAD}</p>`),
          evidence: [evidence({ title: PAYLOAD, url: "javascript:alert(1)", publisher: `"><b>pub</b>` })],
        },
      ],
      over: {
        team: { id: "t", name: `<i>Desk</i>` },
        article: { ...model.article, title: PAYLOAD, url: `https://x.test/"onmouseover="alert(1)` },
      },
    });
    const out = buildHtml(m);
    expect(out.replace(/<script type="application\/ld\+json">[^<]*<\/script>/, "")).not.toMatch(/<script|<img|onerror="|<i>Desk|<b>pub/);
    expect(out).toContain(escapeHtml(PAYLOAD));
    expect(out).toContain("&lt;i&gt;Desk&lt;/i&gt;");
    expect(out).not.toContain('href="javascript:');
    expect(out).toContain('href="https://x.test/&quot;onmouseover=&quot;alert(1)"');
  });

  it("nests the marks of overlapping claims", () => {
    const m = makeReportModel({
      text: "Alpha beta gamma",
      claims: [
        { exact: "Alpha beta", verdict: "verified" },
        { exact: "beta gamma", verdict: "disputed" },
      ],
    });
    expect(buildHtml(m)).toContain(
      `<mark class="claim v-verified" data-claim="1"><mark id="claim-2" class="claim v-disputed" data-claim="2">beta</mark></mark><sup class="ref"><a href="#row-1">1</a></sup>`,
    );
  });
});
