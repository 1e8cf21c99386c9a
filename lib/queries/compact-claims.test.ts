import { describe, expect, it } from "vitest";
import type { ClaimDto } from "@/lib/schemas/claim";
import { describeSpan } from "@/lib/anchoring/selectors";
import { compactClaims, expandClaims, expandPageState, isCompactClaims } from "./compact-claims";

// A character outside the BMP and a combining accent before the claims: offsets are code points.
const text = "Intro 🎉 line with q\u0307 accents.\nThe ministry said 40% of schools reopened on Monday, officials confirmed.\nLast line.";

function claim(over: Partial<ClaimDto> & { start: number; end: number }): ClaimDto {
  const q = describeSpan(text, over.start, over.end).quote;
  return {
    id: `c${over.start}-${over.end}`,
    articleId: "a1",
    versionId: "v1",
    exact: q.exact,
    prefix: q.prefix,
    suffix: q.suffix,
    verdict: "disputed",
    rationaleHtml: "",
    speaker: null,
    firstAppearanceUrl: null,
    firstAppearanceDate: null,
    status: "submitted",
    version: 1,
    author: { id: "u1", name: "Ana" },
    createdAt: "2026-12-01T10:00:00.000Z",
    updatedAt: "2026-12-01T10:00:00.000Z",
    deletedAt: null,
    roundId: null,
    anchorState: "anchored",
    anchorScore: null,
    evidenceCount: 0,
    can: { edit: true, delete: true, restore: false },
    ...over,
  };
}

const claims: ClaimDto[] = [
  claim({ start: 6, end: 7 }),
  claim({ start: 20, end: 24, verdict: "verified", author: { id: "u2", name: null }, can: { edit: false, delete: false, restore: true } }),
  claim({
    start: 50,
    end: 70,
    verdict: "unsourced",
    rationaleHtml: "<p>The <strong>ministry</strong> says 31%.</p>",
    speaker: "A spokesperson",
    firstAppearanceUrl: "https://example.org/a",
    firstAppearanceDate: "2026-11-30",
    status: "draft",
    version: 7,
    updatedAt: "2026-12-02T09:00:00.000Z",
    roundId: "r1",
    evidenceCount: 3,
  }),
  // Drifted after a correction: its stored quote is the old words, not what the offsets give.
  claim({ start: 40, end: 52, anchorState: "drifted", anchorScore: 0.82, exact: "the old words", prefix: "before ", suffix: " after" }),
  // Orphaned: offsets 0 and 0, with the quote it had.
  claim({ start: 0, end: 0, anchorState: "orphaned", exact: "gone sentence", prefix: "", suffix: "" }),
];

describe("compact claims", () => {
  it("expands to exactly the claims it was made from, in order", () => {
    const compact = compactClaims(claims, { id: "a1", versionId: "v1", text });
    expect(isCompactClaims(compact)).toBe(true);
    expect(isCompactClaims(claims)).toBe(false);
    // Through JSON, as the page carries it.
    expect(expandClaims(JSON.parse(JSON.stringify(compact)), text)).toEqual(claims);
  });

  it("carries a field it does not know as it is", () => {
    const withNew = [{ ...claims[0]!, reviewNote: "later field" } as ClaimDto];
    expect(expandClaims(compactClaims(withNew, { id: "a1", versionId: "v1", text }), text)).toEqual(withNew);
  });

  it("leaves out what the text and the shared fields give back", () => {
    const compact = compactClaims(claims, { id: "a1", versionId: "v1", text });
    expect(compact.authors).toEqual([
      { id: "u1", name: "Ana" },
      { id: "u2", name: null },
    ]);
    // An anchored claim with usual values is a bare row: no quote, no names.
    expect(compact.rows[0]).toEqual(["c6-7", 6, 7, 1, 1, 0, 0, "", 3]);
    expect(compact.since).toBe(Date.parse("2026-12-01T10:00:00.000Z"));
    // Another time: milliseconds after `since`.
    expect(compact.rows[2]![7]).toBe(23 * 3600_000);
    // A drifted one carries its stored quote.
    expect(compact.rows[3]![9]).toMatchObject({ exact: "the old words", anchorState: "drifted", anchorScore: 0.82 });
    const full = JSON.stringify(claims).length;
    expect(JSON.stringify(compact).length).toBeLessThan(full * 0.6);
  });

  it("says once what most of the list has at another value than the usual one, and carries the others", () => {
    // An editor's article of drafts (status "draft" is the database's default): no row repeats it.
    const drafts = claims.slice(0, 2).map((c) => ({ ...c, status: "draft" as const }));
    const list = [...drafts, claims[3]!];
    const compact = compactClaims(list, { id: "a1", versionId: "v1", text });
    expect(compact.usual).toEqual({ status: "draft" });
    expect(compact.rows[0]).toHaveLength(9);
    expect(compact.rows[2]![9]).toMatchObject({ status: "submitted" });
    expect(expandClaims(JSON.parse(JSON.stringify(compact)), text)).toEqual(list);
    // A list of usual claims says nothing of the kind.
    expect(compactClaims(claims, { id: "a1", versionId: "v1", text }).usual).toBeUndefined();
  });

  it("writes a time as a number only where the number gives back the very string", () => {
    const odd = [claim({ start: 6, end: 7, createdAt: "2026-12-01T10:00:00Z", updatedAt: "2026-11-30T08:00:00.000Z" }), claims[1]!];
    const compact = compactClaims(odd, { id: "a1", versionId: "v1", text });
    // Not as toISOString writes it (no milliseconds): kept as it is. Earlier than the list's first creation: a negative number.
    expect(compact.rows[0]!.slice(6, 8)).toEqual(["2026-12-01T10:00:00Z", -26 * 3600_000]);
    expect(compact.rows[1]!.slice(6, 8)).toEqual([0, ""]);
    expect(expandClaims(JSON.parse(JSON.stringify(compact)), text)).toEqual(odd);
  });

  it("expands a page state's compact list with its article's text, and leaves other entries alone", () => {
    const article = { id: "a1", currentVersion: { id: "v1", text } };
    const state = {
      mutations: [],
      queries: [
        { queryKey: ["articles", "a1"], queryHash: "h1", state: { data: article } },
        {
          queryKey: ["articles", "a1", "claims"],
          queryHash: "h2",
          state: { data: compactClaims(claims, { id: "a1", versionId: "v1", text }) },
        },
      ],
    };
    const expanded = expandPageState(state);
    expect(expanded.queries[0]).toBe(state.queries[0]);
    expect(expanded.queries[1]!.state.data).toEqual(claims);
    const plain = { mutations: [], queries: [{ queryKey: ["articles", "a1", "claims"], queryHash: "h", state: { data: claims } }] };
    expect(expandPageState(plain)).toBe(plain);
  });
});
