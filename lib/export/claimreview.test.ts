import { describe, expect, it } from "vitest";
import { buildClaimReview, buildClaimReviewJson, shortStatement } from "./claimreview";
import { ATTRIBUTED_CLAIM, makeReportModel as sampleModel } from "@/tests/fixtures/report-model";
import { checkSchemaOrg } from "@/tests/support/schemaorg-check";
import { checkGoogleClaimReview } from "@/tests/support/google-claimreview";

type Node = Record<string, any>;

/** Where the sample desk publishes its report: without a public page there is no ClaimReview (tested below). */
const PUBLIC = "https://news.example/fact-checks/visit";
/** The sample report, published at PUBLIC unless `over` says otherwise. */
const makeReportModel = (opts: Parameters<typeof sampleModel>[0] = {}) =>
  sampleModel({ ...opts, over: { publishedUrl: PUBLIC, ...opts.over } });
/** One element of the builder's output, as its signature types it (schema-dts). */
type ClaimReviewNode = ReturnType<typeof buildClaimReview>[number];

describe("schema.org ClaimReview export", () => {
  const model = makeReportModel();
  const reviews = JSON.parse(buildClaimReviewJson(model)) as Node[];

  it("is an array with one ClaimReview per final claim", () => {
    expect(Array.isArray(reviews)).toBe(true);
    expect(reviews).toHaveLength(model.claims.length);
    expect(reviews.every((r) => r["@context"] === "https://schema.org" && r["@type"] === "ClaimReview")).toBe(true);
  });

  it("uses only types and properties that exist, each on a type that allows it", () => {
    for (const r of reviews) expect(checkSchemaOrg(r)).toEqual([]);
  });

  it("the vocabulary check fails misuse (so it can fail)", () => {
    const r = reviews[0]!;
    expect(checkSchemaOrg({ ...r, rating: "Verified" })).toEqual(["$.rating: not a schema.org property in the vocabulary"]);
    expect(checkSchemaOrg({ ...r, itemReviewed: { ...r.itemReviewed, claimReviewed: "x" } })).toEqual([
      "$.itemReviewed.claimReviewed: not allowed on Claim",
    ]);
    expect(checkSchemaOrg({ ...r, author: { "@type": "Rating", alternateName: "x" } })).toEqual([
      "$.author: a Rating is not in the range of author",
    ]);
    expect(checkSchemaOrg({ ...r, datePublished: "yesterday" })).toHaveLength(1);
    expect(checkSchemaOrg({ ...r, "@type": "FactCheck" })).toEqual(['$: unknown @type "FactCheck"']);
  });

  it("is typed with schema-dts, so tsc (run by npm test) rejects what the vocabulary does not allow", () => {
    const r = buildClaimReview(model)[0]!;
    // Each of these must fail to compile. Should the builder's type stop catching one
    // (say, a Record<string, unknown> return type), tsc reports the unused directive.
    const misuses: ClaimReviewNode[] = [
      // @ts-expect-error: ClaimReview has no property "rating".
      { ...r, rating: "Verified" },
      // @ts-expect-error: claimReviewed belongs to ClaimReview, not to the Claim.
      { ...r, itemReviewed: { "@type": "Claim", claimReviewed: "x" } },
      // @ts-expect-error: an author is an Organization or a Person.
      { ...r, author: { "@type": "Rating", alternateName: "x" } },
      // @ts-expect-error: datePublished is a Date or DateTime string.
      { ...r, datePublished: 20261121 },
      // @ts-expect-error: there is no FactCheck type.
      { ...r, "@type": "FactCheck" },
    ];
    // The runtime check agrees with the compiler on each.
    for (const m of misuses) expect(checkSchemaOrg(m)).toHaveLength(1);
  });

  it("has the required fields: url with a #claim-n anchor, a short claimReviewed without the verdict, and a textual rating", () => {
    reviews.forEach((r, i) => {
      const claim = model.claims[i]!;
      expect(r.url).toMatch(new RegExp(`#claim-${claim.number}$`));
      expect(typeof r.claimReviewed).toBe("string");
      expect(r.claimReviewed.length).toBeGreaterThan(0);
      expect([...r.claimReviewed].length).toBeLessThan(75);
      expect(r.claimReviewed).not.toMatch(/verified|disputed|unsourced/i);
      const label = ["Verified", "Disputed", "Unsourced"][["verified", "disputed", "unsourced"].indexOf(claim.verdict)];
      expect(r.reviewRating).toMatchObject({ "@type": "Rating", alternateName: label, name: label });
      expect(checkGoogleClaimReview(r).required).toEqual([]);
    });
  });

  it("rates on the default scale: Verified 5 and Disputed 1 of 1–5, and no number for Unsourced (not a truth value)", () => {
    const byLabel = (l: string) => reviews.filter((r) => r.reviewRating.alternateName === l);
    for (const r of byLabel("Verified"))
      expect(r.reviewRating).toEqual({
        "@type": "Rating",
        alternateName: "Verified",
        name: "Verified",
        ratingValue: 5,
        bestRating: 5,
        worstRating: 1,
      });
    for (const r of byLabel("Disputed")) expect(r.reviewRating).toMatchObject({ ratingValue: 1, bestRating: 5, worstRating: 1 });
    const unsourced = byLabel("Unsourced");
    expect(unsourced.length).toBeGreaterThan(0);
    for (const r of unsourced) expect(r.reviewRating).toEqual({ "@type": "Rating", alternateName: "Unsourced", name: "Unsourced" });
    expect(JSON.stringify(reviews)).not.toMatch(/half/i);
  });

  it("rates on the team's own scale, Unsourced included when the team gives it a place", () => {
    const base = makeReportModel();
    const m = { ...base, team: { ...base.team, ratingScale: { worst: 0, best: 10, values: { verified: 10, disputed: 0, unsourced: 5 } } } };
    const rated = buildClaimReview(m);
    expect(rated.map((r) => (r.reviewRating as { ratingValue: number }).ratingValue).sort()).toEqual(expect.arrayContaining([10, 0, 5]));
    for (const r of rated) expect(r.reviewRating).toMatchObject({ bestRating: 10, worstRating: 0 });
  });

  it("names the team as author and the article as the claim's appearance; leaves the unknown speaker out", () => {
    const r = reviews[0]!;
    expect(r.author).toEqual({ "@type": "Organization", name: "Demo Desk" });
    expect(r.datePublished).toBe("2026-11-21");
    expect(r.itemReviewed).toEqual({
      "@type": "Claim",
      appearance: {
        "@type": "NewsArticle",
        url: model.article.url,
        headline: model.article.title,
        datePublished: "2023-01-30",
        publisher: { "@type": "Organization", name: "Example News" },
      },
      firstAppearance: r.itemReviewed.appearance,
      datePublished: "2023-01-30",
    });
    expect(r.itemReviewed).not.toHaveProperty("author");
    // A decided claim is dated by its decision.
    expect(reviews[1]!.datePublished).toBe("2026-11-22");
  });

  it("names the speaker (a person or an organization) and where and when the claim first appeared", () => {
    const m = makeReportModel({
      claims: [ATTRIBUTED_CLAIM, { exact: "The alliance has 30 members", verdict: "disputed", speaker: "NATO" }],
    });
    const [a, b] = buildClaimReview(m) as Node[];
    expect(a!.itemReviewed).toEqual({
      "@type": "Claim",
      author: { "@type": "Person", name: "Jens Stoltenberg" },
      datePublished: "2023-01-28",
      appearance: expect.objectContaining({ "@type": "NewsArticle", url: m.article.url }),
      firstAppearance: { "@type": "CreativeWork", url: "https://www.nato.int/speech", datePublished: "2023-01-28" },
    });
    expect(b!.itemReviewed.author).toEqual({ "@type": "Organization", name: "NATO" });
    expect(b!.itemReviewed.datePublished).toBe("2023-01-30");
    for (const r of [a, b]) expect(checkSchemaOrg(r)).toEqual([]);
  });

  it("points the anchors at the published report when the desk gives its URL", () => {
    const m = makeReportModel({ over: { publishedUrl: "https://news.example/fact-checks/visit#top" } });
    expect(buildClaimReview(m).map((r) => r.url)).toEqual([1, 2, 3, 4].map((n) => `https://news.example/fact-checks/visit#claim-${n}`));
  });

  it("is empty when the fact-check has no public page: never a link to the desk's own report, which readers cannot open", () => {
    const unpublished = sampleModel();
    expect(unpublished.publishedUrl).toBeNull();
    expect(buildClaimReview(unpublished)).toEqual([]);
    expect(buildClaimReviewJson(unpublished)).toBe("[]\n");
  });

  it("points at the article's public page when it is published, and never emits an empty appearance", () => {
    const base = sampleModel();
    const page = "https://desk.example/f/demo-desk/visit";
    const publication = {
      url: page,
      publishedAt: "2026-12-06T10:00:00.000Z",
      changedAt: "2026-12-06T10:00:00.000Z",
      texts: { 1: `${page}/text/1` },
    };
    // An article known by no address and no title: it appears at the public copy of the text checked.
    const bare = { ...base, article: { ...base.article, url: null, title: null, outlet: null, publishedDate: null }, publication };
    const [r] = buildClaimReview(bare) as Node[];
    expect(r!.url).toBe(`${page}#claim-1`);
    expect(r!.itemReviewed.appearance).toEqual({ "@type": "NewsArticle", url: `${page}/text/1` });
    expect(checkGoogleClaimReview(r, page).required).toEqual([]);
    // Published elsewhere by the desk, with nothing to name the article by: no appearance at all rather than an empty one.
    const nothing = { ...bare, publication: null, publishedUrl: PUBLIC };
    const reviews = buildClaimReview(nothing) as Node[];
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expect(review.url).toMatch(new RegExp(`^${PUBLIC}#claim-\\d+$`));
      expect(review.itemReviewed?.appearance).toBeUndefined();
      expect(review.itemReviewed?.firstAppearance).toBeUndefined();
    }
    expect(JSON.stringify(reviews)).not.toMatch(/\{"@type":"[A-Za-z]+"\}/);
  });

  it("keeps a long claim under 75 characters, cut at a word", () => {
    const long =
      "NATO Secretary-General Jens Stoltenberg begins a visit to Asia, arriving in South Korea on Sunday before heading to Japan";
    const s = shortStatement(long);
    expect([...s].length).toBeLessThan(75);
    expect(s.endsWith("…")).toBe(true);
    expect(long.startsWith(s.slice(0, -1))).toBe(true);
    expect(long[s.length - 1]).toBe(" ");
    expect(shortStatement("A  short\nclaim ")).toBe("A short claim");
    expect([...shortStatement("한".repeat(200))].length).toBe(74);
  });
});

describe("ClaimReview author and rating from the team settings", () => {
  it("names the team's publisher (with its site and logo) as author, and uses the team's verdict wording", () => {
    const base = makeReportModel();
    const m = {
      ...base,
      team: {
        ...base.team,
        publisher: { name: "Seoul Desk Fact Check", url: "https://factcheck.example/", logoUrl: "https://factcheck.example/logo.png" },
        verdictLabels: { unsourced: "No source given" },
      },
    };
    const reviews = buildClaimReview(m);
    expect(reviews[0]!.author).toEqual({
      "@type": "Organization",
      name: "Seoul Desk Fact Check",
      url: "https://factcheck.example/",
      logo: { "@type": "ImageObject", url: "https://factcheck.example/logo.png" },
    });
    const unsourced = m.claims.filter((c) => c.verdict === "unsourced" && c.anchorState === "anchored").length;
    expect(reviews.filter((r) => (r.reviewRating as { alternateName: string }).alternateName === "No source given")).toHaveLength(
      unsourced,
    );
    for (const r of reviews) expect(checkSchemaOrg(r)).toEqual([]);
  });
  it("falls back to the team's name, and leaves out a logo that is not a web URL", () => {
    const base = makeReportModel();
    expect(buildClaimReview(base)[0]!.author).toEqual({ "@type": "Organization", name: base.team.name });
    const m = { ...base, team: { ...base.team, publisher: { name: "Desk", url: null, logoUrl: "javascript:alert(1)" } } };
    expect(buildClaimReview(m)[0]!.author).toEqual({ "@type": "Organization", name: "Desk" });
  });
});
