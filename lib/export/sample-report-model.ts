/**
 * A report model built in memory, without a database: claims are given by
 * their text (the first occurrence at or after `from`); offsets are computed
 * in code points, as the loader stores them. The report workers lay out a
 * few of these when they start (lib/server/reports/warm-up-reports.ts), and unit tests and
 * benchmarks build their models with it (tests/fixtures/report-model.ts).
 * The default is a short article on the demo corpus's story, with the parts a
 * real report holds: evidence (one deleted), reviewers' verdicts, a disagreement
 * with its decision, and Hangul.
 */
import { randomUUID } from "node:crypto";
import { OffsetIndex } from "@/lib/anchoring/offsets";
import { describeSpan } from "@/lib/anchoring/selectors";
import type { ReportClaim, ReportEvidence, ReportModel, ReportPerson } from "./report-model";
import { summarizeClaims } from "./summarize-claims";
import type { Verdict } from "@/lib/schemas/claim";

export const SAMPLE_TEXT = [
  "NATO Secretary-General Jens Stoltenberg arrived in Seoul on Sunday, January 29, before heading to Japan.",
  "“It’s a historic visit,” said a café owner in Myeong-dong, according to the outlet.",
  "The alliance has 30 members, the article claims, and NATO wants “a new Cold War” in Asia.",
  "Stoltenberg met President Yoon Suk-yeol (윤석열) and Foreign Minister Park Jin.",
].join("\n");

export const person = (name: string): ReportPerson => ({ id: `user-${name.toLowerCase().replace(/\W+/g, "-")}`, name });

export function evidence(over: Partial<ReportEvidence> = {}): ReportEvidence {
  return {
    id: randomUUID(),
    kind: "web_source",
    title: "NATO press release",
    url: "https://www.nato.int/cps/en/natohq/news_211000.htm",
    publisher: "NATO",
    author: null,
    publishedDate: "2023-01-29",
    accessedDate: "2023-02-01",
    dateStart: null,
    dateEnd: null,
    stance: "supports",
    pinpoint: null,
    deleted: false,
    ...over,
  };
}

export type ClaimSpec = { exact: string; from?: number; verdict: Verdict } & Partial<
  Omit<ReportClaim, "exact" | "verdict" | "number" | "start" | "end">
>;

/** A claim with its speaker and first appearance (ClaimReview's itemReviewed.author, firstAppearance and datePublished). */
export const ATTRIBUTED_CLAIM = {
  exact: "arrived in Seoul on Sunday, January 29",
  verdict: "verified",
  speaker: "Jens Stoltenberg",
  firstAppearance: { url: "https://www.nato.int/speech", date: "2023-01-28" },
} as const satisfies ClaimSpec;

/** A report model of `text` with the given claims, numbered in text order. */
export function makeReportModel(opts: { text?: string; claims?: ClaimSpec[]; over?: Partial<ReportModel> } = {}): ReportModel {
  const text = opts.text ?? SAMPLE_TEXT;
  const index = new OffsetIndex(text);
  const claims = (opts.claims ?? sampleClaims())
    .map((spec) => {
      const at = text.indexOf(spec.exact, spec.from ?? 0);
      if (at < 0) throw new Error(`claim text not in the article: ${spec.exact}`);
      const start = index.toCodePoint(at);
      const end = index.toCodePoint(at + spec.exact.length);
      const { quote } = describeSpan(text, start, end, index);
      const { from: _from, ...rest } = spec;
      return {
        id: randomUUID(),
        number: 0,
        start,
        end,
        prefix: quote.prefix,
        suffix: quote.suffix,
        anchorState: "anchored" as const,
        anchorScore: null,
        rationaleHtml: "",
        rationaleText: "",
        evidence: [],
        reviews: [],
        cluster: null,
        decision: null,
        author: person("Eddie Editor"),
        createdAt: "2026-11-20T09:00:00.000Z",
        updatedAt: "2026-11-21T10:30:00.000Z",
        ...rest,
      } satisfies ReportClaim;
    })
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .map((c, i) => ({ ...c, number: i + 1 }));
  return {
    generatedAt: "2026-11-25T12:00:00.000Z",
    baseUrl: "http://claimdesk.test",
    publishedUrl: null,
    team: { id: "team-1", name: "Demo Desk" },
    article: {
      id: "article-1",
      title: "Stoltenberg’s visit to Seoul",
      outlet: "Example News",
      author: "A. Reporter",
      publishedDate: "2023-01-30",
      url: "https://news.example/stoltenberg-seoul",
    },
    version: { id: "version-1", number: 1, text, textHash: "ab".repeat(32), createdAt: "2026-11-19T08:00:00.000Z" },
    round: null,
    // Riya and Rafael reviewed claim 2, which Eddie decided; Eddie tagged the others himself.
    reviewers: [person("Riya Reviewer"), person("Rafael Reviewer")],
    adjudicators: [person("Eddie Editor")],
    editors: [person("Eddie Editor")],
    claims,
    rejected: [],
    summary: summarizeClaims(claims),
    ...opts.over,
  };
}

/** The default model's claims, on SAMPLE_TEXT. */
export function sampleClaims(): ClaimSpec[] {
  const riya = person("Riya Reviewer");
  const rafael = person("Rafael Reviewer");
  return [
    {
      exact: "arrived in Seoul on Sunday, January 29",
      verdict: "verified",
      rationaleHtml: "<p>Matches the <strong>press release</strong>.</p>",
      rationaleText: "Matches the press release.",
      evidence: [evidence()],
    },
    {
      exact: "“It’s a historic visit,” said a café owner",
      verdict: "unsourced",
      rationaleHtml: "<p>No name given.</p>",
      rationaleText: "No name given.",
      reviews: [
        { reviewer: riya, verdict: "unsourced", start: 0, end: 0, exact: "", rationaleText: "" },
        { reviewer: rafael, verdict: "disputed", start: 0, end: 0, exact: "", rationaleText: "Sounds invented." },
      ],
      cluster: { number: 2, kind: "verdict_conflict", disagreement: true },
      decision: {
        by: person("Eddie Editor"),
        at: "2026-11-22T15:00:00.000Z",
        boundary: "union",
        rationaleHtml: "<p>Nobody is named.</p>",
        rationaleText: "Nobody is named.",
      },
    },
    {
      exact: "The alliance has 30 members",
      verdict: "disputed",
      rationaleHtml: "<p>Finland joined in April 2023: 31.</p>",
      rationaleText: "Finland joined in April 2023: 31.",
      evidence: [
        evidence({
          title: "Finland joins NATO",
          stance: "contradicts",
          dateStart: "2023-04-04",
          pinpoint: "Finland became the 31st member",
        }),
        evidence({ title: "Old list", url: null, deleted: true, stance: "context" }),
      ],
    },
    { exact: "President Yoon Suk-yeol (윤석열)", verdict: "verified" },
  ];
}
