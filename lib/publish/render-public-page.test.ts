import { describe, expect, it } from "vitest";
import { parseHTML } from "linkedom";
import { ATTRIBUTED_CLAIM, evidence, KINDED_LINES, makeKindedReportModel, makeReportModel } from "@/tests/fixtures/report-model";
import { checkGoogleClaimReview } from "@/tests/support/google-claimreview";
import { checkSchemaOrg } from "@/tests/support/schemaorg-check";
import { readPublicFactCheck, toPublicFactCheck } from "./public-fact-check";
import { composeClaimRationale } from "@/lib/review/compose-claim-rationale";
import { renderPublicPage, type PublicPageInput } from "./render-public-page";
import { renderTeamIndex } from "./render-team-index";
import { buildAtom, buildJsonFeed, buildRss } from "./feeds";
import { embedSnippet } from "./embed-snippet";
import { slugify } from "./public-urls";

type Node = Record<string, any>;
const BASE = "http://claimdesk.test";
const URL_ = `${BASE}/f/demo-desk/stoltenberg-visit`;

function model() {
  const m = makeReportModel({
    claims: [
      {
        ...ATTRIBUTED_CLAIM,
        evidence: [
          evidence({ title: "Public record", url: "https://record.example/a" }),
          evidence({ title: "Our source's email", internal: true }),
        ],
      },
      {
        exact: "The alliance has 30 members",
        verdict: "disputed",
        speaker: "Example News",
        rationaleHtml: "<p>It had <strong>30</strong> then.</p>",
      },
      { exact: "NATO wants “a new Cold War” in Asia", verdict: "disputed", speaker: "KCNA", anchorState: "drifted" },
    ],
  });
  return {
    ...m,
    article: { ...m.article, url: "https://news.example/stoltenberg" },
    team: {
      ...m.team,
      slug: "demo-desk",
      publisher: { name: "Demo Desk Fact Check", url: "https://factcheck.example/", logoUrl: null },
      verdictLabels: { disputed: "False" },
    },
  };
}

function page(over: Partial<PublicPageInput> = {}, m = model()): string {
  return renderPublicPage({
    baseUrl: BASE,
    status: "published",
    firstPublishedAt: "2026-12-01T10:00:00.000Z",
    changedAt: "2026-12-01T10:00:00.000Z",
    retraction: null,
    factCheck: toPublicFactCheck(m, "demo-desk"),
    text: m.version.text,
    slug: "stoltenberg-visit",
    log: [{ number: 1, action: "publish", note: null, createdAt: "2026-12-01T10:00:00.000Z", versionNumber: 1 }],
    texts: { 1: `${URL_}/text/1` },
    ...over,
  });
}

const jsonLd = (html: string): Node[] =>
  [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].flatMap((m) => JSON.parse(m[1]!));

describe("the public fact-check page", () => {
  it("shows the standing claims with anchors, labels, public sources and highlights, and one complete ClaimReview each", () => {
    const html = page();
    expect(html.match(/<li class="claim /g)).toHaveLength(2);
    expect(html).toContain('id="claim-1"');
    expect(html).toContain('id="claim-2"');
    expect(html).not.toContain('id="claim-3"');
    expect(html).toContain("False");
    expect(html).toContain("Claim by Jens Stoltenberg");
    expect(html).toContain("It had <strong>30</strong> then.");
    expect(html).toContain("Public record");
    expect(html).not.toContain("Our source's email");
    // The drifted claim is not a standing verdict: counted as withheld, not shown or marked up.
    expect(html).toMatch(/1 more claim is being checked again/);
    expect(html).not.toContain("a new Cold War” in Asia</blockquote>");
    expect(html.match(/<mark class="hl /g)).toHaveLength(2);
    expect(html).toContain('<meta property="og:title"');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    const reviews = jsonLd(html);
    expect(reviews).toHaveLength(2);
    for (const r of reviews) {
      expect(checkGoogleClaimReview(r, URL_)).toEqual({ required: [], recommended: [] });
      expect(checkSchemaOrg(r)).toEqual([]);
    }
    expect(reviews.map((r) => r.url)).toEqual([`${URL_}#claim-1`, `${URL_}#claim-2`]);
    expect(reviews[1]!.reviewRating.alternateName).toBe("False");
  });

  it("after a republish says Updated; withdrawn, shows the notice and reason without markup or verdicts", () => {
    const log = [
      { number: 1, action: "publish" as const, note: null, createdAt: "2026-12-01T10:00:00.000Z", versionNumber: 1 },
      { number: 2, action: "update" as const, note: "Added a source.", createdAt: "2026-12-02T10:00:00.000Z", versionNumber: 1 },
    ];
    const updated = page({ log, changedAt: "2026-12-02T10:00:00.000Z" });
    expect(updated).toContain('class="updated">Updated');
    expect(updated).toContain("Added a source.");
    const retracted = page({
      status: "retracted",
      retraction: { at: "2026-12-03T10:00:00.000Z", reason: "The <quote> was misattributed." },
      log: [
        ...log,
        {
          number: 3,
          action: "retract",
          note: "The <quote> was misattributed.",
          createdAt: "2026-12-03T10:00:00.000Z",
          versionNumber: null,
        },
      ],
    });
    expect(retracted).toContain("This fact-check was withdrawn");
    expect(retracted).toContain("The &lt;quote&gt; was misattributed.");
    expect(retracted).not.toContain("application/ld+json");
    expect(retracted).not.toContain('class="claim ');
    expect(retracted).not.toContain("<mark");
  });

  it("escapes what the desk typed, in the page and in the JSON-LD block", () => {
    const m = model();
    m.article = { ...m.article, title: "</script><script>alert(1)</script>" };
    const html = page({ slug: "x", log: [], texts: {} }, m);
    expect(html).not.toContain("<script>alert(1)");
    expect(jsonLd(html)).toHaveLength(2);
  });
});

describe("a published claim's rationale", () => {
  const note = "<p>Nobody is named.</p>";
  const reviewers = [
    { name: "Riya Reviewer", verdict: "unsourced" as const, rationaleHtml: "<p>Who said it?</p>" },
    { name: "Rafael Reviewer", verdict: "disputed" as const, rationaleHtml: "<p>Sounds invented.</p>" },
  ];
  const hidden = ["Riya", "Rafael", "Eddie", "reviewer", "Adjudicator", "Who said it?", "Sounds invented."];

  it("is the desk's: a decided claim's is the adjudicator's note alone, an editor's own claim's its own", () => {
    const m = makeReportModel();
    const decided = m.claims.find((c) => c.decision)!;
    decided.rationaleHtml = composeClaimRationale(note, reviewers);
    const html = page({}, { ...model(), claims: m.claims });
    expect(html).toContain(`<div class="rationale">${note}</div>`);
    expect(html).toContain("<p>Matches the <strong>press release</strong>.</p>");
    for (const word of hidden) expect(html).not.toContain(word);
  });

  it("names nobody on a page published before the rule (snapshot schema 1), without publishing again", () => {
    const m = makeReportModel();
    m.claims.find((c) => c.decision)!.rationaleHtml = composeClaimRationale(note, reviewers);
    const old = toPublicFactCheck({ ...model(), claims: m.claims }, "demo-desk");
    // Schema 1 copied the claim's composed rationale.
    const stored = JSON.parse(
      JSON.stringify({ ...old, schema: 1, claims: old.claims.map((c, i) => ({ ...c, rationaleHtml: m.claims[i]!.rationaleHtml })) }),
    );
    expect(JSON.stringify(stored)).toContain("Riya Reviewer");
    const html = page({ factCheck: readPublicFactCheck(stored) });
    expect(html).toContain(`<div class="rationale">${note}</div>`);
    for (const word of hidden) expect(html).not.toContain(word);
  });
});

describe("the public page's article text", () => {
  const kinded = (kinds: boolean) => {
    const m = makeKindedReportModel({ kinds });
    return { m, fc: toPublicFactCheck(m, "demo-desk") };
  };
  const articleText = (html: string) => parseHTML(html).document.querySelector("#text .article-text")!;

  it("draws subheads as headings, quotes as block quotes and list items as a list, from the kinds the snapshot keeps", () => {
    const { m, fc } = kinded(true);
    expect(fc.version.lineKinds).toEqual(KINDED_LINES.map(([, k]) => k));
    const text = articleText(page({ factCheck: fc, text: m.version.text }));
    expect(Array.from(text.children).map((e) => e.tagName.toLowerCase())).toEqual(["h3", "p", "ul", "blockquote", "p"]);
    expect(text.querySelector("h3")!.textContent).toBe("What the repair changed1");
    expect(Array.from(text.querySelectorAll("ul > li")).map((li) => li.textContent)).toEqual([
      "Buses return to the bridge on Thursday.",
      "The weight limit stays at 18 tonnes3 until May.",
    ]);
    expect(text.querySelector("blockquote")!.textContent).toBe("We opened on the date we promised4.The bridge will outlast all of us.");
    // Each highlight on its claim's characters: inside the subhead, the list item and the quote.
    expect(text.querySelector("h3 mark")!.textContent).toBe("repair ");
    expect(text.querySelector("li mark")!.textContent).toBe("18 tonnes");
    expect(text.querySelector("blockquote mark")!.textContent).toBe("date we promised");
  });

  it("draws every line as a paragraph when the text has no kinds, or the snapshot's kinds do not fit its text", () => {
    const { m, fc } = kinded(false);
    expect(fc.version).not.toHaveProperty("lineKinds");
    const plain = articleText(page({ factCheck: fc, text: m.version.text }));
    expect(Array.from(plain.children).map((e) => e.tagName.toLowerCase())).toEqual(KINDED_LINES.map(() => "p"));
    const { fc: withKinds } = kinded(true);
    const shorter = articleText(page({ factCheck: { ...withKinds, claims: [] }, text: "One line." }));
    expect(Array.from(shorter.children).map((e) => e.tagName.toLowerCase())).toEqual(["p"]);
  });
});

describe("team index, feeds and embed", () => {
  const entries = [
    {
      slug: "a",
      title: "A & B",
      outlet: "Outlet",
      status: "published" as const,
      claimCount: 2,
      summary: "1 False, 1 Verified",
      firstPublishedAt: "2026-12-01T10:00:00.000Z",
      changedAt: "2026-12-02T10:00:00.000Z",
    },
    {
      slug: "b",
      title: "Old",
      outlet: null,
      status: "retracted" as const,
      claimCount: 1,
      summary: "Misattributed.",
      firstPublishedAt: "2026-11-01T10:00:00.000Z",
      changedAt: "2026-11-02T10:00:00.000Z",
    },
  ];
  const input = {
    baseUrl: BASE,
    teamSlug: "demo-desk",
    teamName: "Demo",
    language: "en",
    publisher: { name: "Demo Desk", url: null, logoUrl: null },
    entries,
  };

  it("lists each fact-check, withdrawn ones marked, in HTML, Atom, RSS and JSON Feed", () => {
    const html = renderTeamIndex(input);
    expect(html).toContain('href="/f/demo-desk/a"');
    expect(html).toContain("A &amp; B");
    expect(html).toMatch(/Withdrawn\.<\/span> Misattributed\./);
    const atom = buildAtom(input);
    expect(atom).toContain(`<id>${BASE}/f/demo-desk/a</id>`);
    expect(atom).toContain("<title>Withdrawn: Old</title>");
    expect(atom).toContain("<updated>2026-12-02T10:00:00.000Z</updated>");
    expect(buildRss(input)).toContain(`<guid isPermaLink="true">${BASE}/f/demo-desk/a</guid>`);
    const json = JSON.parse(buildJsonFeed(input));
    expect(json.items.map((i: Node) => i.url)).toEqual([`${BASE}/f/demo-desk/a`, `${BASE}/f/demo-desk/b`]);
    expect(json.version).toBe("https://jsonfeed.org/version/1.1");
  });

  it("makes an embed with no script, escaped", () => {
    const s = embedSnippet({ url: `${BASE}/f/d/a?x=1&y=2`, title: 'A "quoted" <title>', publisher: "Desk", summary: "1 False" });
    expect(s).not.toMatch(/<script|<iframe/);
    expect(s).toContain("x=1&amp;y=2");
    expect(s).toContain("&lt;title&gt;");
  });

  it("makes slugs from titles", () => {
    expect(slugify("Stoltenberg’s visit: NATO & Asia")).toBe("stoltenberg-s-visit-nato-asia");
    expect(slugify("Ça coûte cher")).toBe("ca-coute-cher");
    expect(slugify("Путин")).toBe("fact-check");
    expect(slugify("a".repeat(100)).length).toBeLessThanOrEqual(80);
  });
});

describe("comparing snapshots", () => {
  it("finds a snapshot read back with its keys reordered (PostgreSQL jsonb) the same", async () => {
    const { sameFactCheck } = await import("./public-fact-check");
    const fc = toPublicFactCheck(model(), "demo-desk");
    const deep = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(deep)
        : v && typeof v === "object"
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, deep(x)]),
            )
          : v;
    expect(sameFactCheck(fc, deep(fc) as typeof fc)).toBe(true);
    expect(sameFactCheck(fc, { ...fc, claims: fc.claims.slice(1) })).toBe(false);
  });
});
