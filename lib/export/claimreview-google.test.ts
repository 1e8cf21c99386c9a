import { describe, expect, it } from "vitest";
import { buildClaimReview } from "./claimreview";
import { makeReportModel, type ClaimSpec } from "@/tests/fixtures/report-model";
import { checkGoogleClaimReview } from "@/tests/support/google-claimreview";
import { checkSchemaOrg } from "@/tests/support/schemaorg-check";

type Node = Record<string, any>;

const PUBLIC = "http://claimdesk.test/f/demo-desk/stoltenberg-visit";

/** A published fact-check whose claims carry what a desk records: speakers and first appearances. */
function publishedModel(claims?: ClaimSpec[]) {
  const base = makeReportModel({
    claims: claims ?? [
      {
        exact: "arrived in Seoul on Sunday, January 29",
        verdict: "verified",
        speaker: "Jens Stoltenberg",
        firstAppearance: { url: "https://www.nato.int/speech", date: "2023-01-28" },
      },
      { exact: "The alliance has 30 members", verdict: "disputed", speaker: "Example News" },
      {
        exact: "NATO wants “a new Cold War” in Asia",
        verdict: "disputed",
        speaker: "KCNA",
        firstAppearance: { url: null, date: "2023-01-27" },
      },
    ],
  });
  return {
    ...base,
    team: {
      ...base.team,
      slug: "demo-desk",
      publisher: { name: "Demo Desk Fact Check", url: "https://factcheck.example/", logoUrl: null },
    },
    publication: {
      url: PUBLIC,
      publishedAt: "2026-12-01T10:00:00.000Z",
      changedAt: "2026-12-03T09:00:00.000Z",
      texts: { 1: `${PUBLIC}/text/1` },
    },
  };
}

describe("ClaimReview against Google's required and recommended properties", () => {
  it("gives every item every required and recommended property when the desk recorded the speakers", () => {
    const reviews = buildClaimReview(publishedModel()) as Node[];
    expect(reviews).toHaveLength(3);
    for (const r of reviews) {
      expect(checkGoogleClaimReview(r, PUBLIC)).toEqual({ required: [], recommended: [] });
      expect(checkSchemaOrg(r)).toEqual([]);
    }
    // The public page: url, dates of the first publish and of the update.
    expect(reviews.map((r) => r.url)).toEqual([1, 2, 3].map((n) => `${PUBLIC}#claim-${n}`));
    expect(reviews[0]).toMatchObject({
      datePublished: "2026-12-01",
      dateModified: "2026-12-03",
      author: { name: "Demo Desk Fact Check", url: "https://factcheck.example/" },
    });
  });

  it("without a publisher site, names the team's public page as the author's url", () => {
    const m = publishedModel();
    const reviews = buildClaimReview({ ...m, team: { ...m.team, publisher: null } }) as Node[];
    expect(reviews[0]!.author).toEqual({ "@type": "Organization", name: "Demo Desk", url: "http://claimdesk.test/f/demo-desk" });
    for (const r of reviews) expect(checkGoogleClaimReview(r, PUBLIC)).toEqual({ required: [], recommended: [] });
  });

  it("says what is missing: the speaker where none was recorded, the numbers of Unsourced on the default scale", () => {
    const reviews = buildClaimReview(
      publishedModel([
        { exact: "arrived in Seoul on Sunday, January 29", verdict: "verified" },
        { exact: "The alliance has 30 members", verdict: "unsourced", speaker: "Example News" },
      ]),
    ) as Node[];
    expect(checkGoogleClaimReview(reviews[0], PUBLIC)).toEqual({ required: [], recommended: ["itemReviewed.author"] });
    expect(checkGoogleClaimReview(reviews[1], PUBLIC)).toEqual({
      required: [],
      recommended: ["reviewRating.ratingValue", "reviewRating.bestRating", "reviewRating.worstRating"],
    });
  });

  it("fails markup that lacks them (so it can fail)", () => {
    const r = buildClaimReview(publishedModel())[0] as Node;
    const without = (key: string) => Object.fromEntries(Object.entries(r).filter(([k]) => k !== key));
    expect(checkGoogleClaimReview(without("claimReviewed")).required).toEqual(["claimReviewed"]);
    expect(checkGoogleClaimReview(without("url")).required).toEqual(["url"]);
    expect(checkGoogleClaimReview({ ...r, reviewRating: { "@type": "Rating", ratingValue: 5 } }).required).toEqual([
      "reviewRating.alternateName",
    ]);
    expect(checkGoogleClaimReview({ ...r, claimReviewed: "x".repeat(80) }).required).toEqual(["claimReviewed (75 characters or more)"]);
    expect(checkGoogleClaimReview(r, "https://elsewhere.example/page").required).toEqual(["url (not on the page's domain)"]);
    expect(checkGoogleClaimReview(without("author")).recommended).toEqual(["author"]);
    expect(checkGoogleClaimReview({ ...r, author: { "@type": "Organization", name: "X" } }).recommended).toEqual(["author.url"]);
    expect(checkGoogleClaimReview(without("datePublished")).recommended).toEqual(["datePublished"]);
    expect(checkGoogleClaimReview(without("itemReviewed")).recommended).toEqual(["itemReviewed"]);
    expect(
      checkGoogleClaimReview({ ...r, itemReviewed: { "@type": "Claim", author: r.itemReviewed.author, datePublished: "2023-01-01" } })
        .recommended,
    ).toEqual(["itemReviewed.appearance or itemReviewed.firstAppearance"]);
    expect(checkGoogleClaimReview({ ...r, reviewRating: { ...r.reviewRating, ratingValue: 9 } }).recommended).toEqual([
      "reviewRating.ratingValue (outside worstRating–bestRating)",
    ]);
    expect(checkGoogleClaimReview({ ...r, reviewRating: { "@type": "Rating", alternateName: "True" } }).recommended).toEqual([
      "reviewRating.name",
      "reviewRating.ratingValue",
      "reviewRating.bestRating",
      "reviewRating.worstRating",
    ]);
  });

  it("never publishes drifted or orphaned claims", () => {
    const m = publishedModel();
    const claims = m.claims.map((c, i) =>
      i === 0 ? { ...c, anchorState: "drifted" as const } : i === 1 ? { ...c, anchorState: "orphaned" as const, start: 0, end: 0 } : c,
    );
    expect(buildClaimReview({ ...m, claims }).map((r) => (r as Node).url)).toEqual([`${PUBLIC}#claim-3`]);
  });
});
