import { describe, expect, it } from "vitest";
import { buildMarkdown, escapeMarkdown } from "./markdown";
import { evidence, makeReportModel, makeRoundReportModel } from "@/tests/fixtures/report-model";

describe("Markdown report", () => {
  it("escapes Markdown metacharacters and HTML in user text", () => {
    expect(escapeMarkdown("*bold* _it_ [link](http://x) <b>hi</b> `code` | pipe & amp ![img](y)")).toBe(
      "\\*bold\\* \\_it\\_ \\[link\\]\\(http://x\\) \\<b\\>hi\\</b\\> \\`code\\` \\| pipe \\& amp \\!\\[img\\]\\(y\\)",
    );
    expect(escapeMarkdown("# Heading\n- item\n1. first\n    code\n===")).toBe("\\# Heading\n\\- item\n1\\. first\ncode\n\\===");
  });

  it("prints the report's parts, with user text unable to inject markup", () => {
    const m = makeReportModel({
      claims: [
        {
          exact: "arrived in Seoul",
          verdict: "disputed",
          rationaleText: "[click](javascript:alert(1)) <script>x</script>",
          evidence: [evidence({ title: "Evil](javascript:alert(1))", url: "https://ok.test/a b" })],
        },
      ],
    });
    const md = buildMarkdown(m);
    expect(md).toContain("# Fact-check report: Stoltenberg’s visit to Seoul");
    expect(md).toContain("NATO Secretary-General Jens Stoltenberg <mark>arrived in Seoul</mark><sup>[1](#claim-1)</sup> on Sunday");
    expect(md).toContain('### <a id="claim-1"></a>1. Disputed');
    expect(md).toContain("**Rationale:** \\[click\\]\\(javascript:alert\\(1\\)\\) \\<script\\>x\\</script\\>");
    expect(md).toContain("- [Evil\\]\\(javascript:alert\\(1\\)\\)](<https://ok.test/a%20b>)");
    expect(md).not.toMatch(/<script>|\]\(javascript/);
    expect(md).toContain("| Claims | 1 |");
  });

  it("prints the round, each reviewer's verdict, the decision and its rationale, the agreement figures, the team and the version", () => {
    const md = buildMarkdown(makeRoundReportModel());
    expect(md).toContain("| Team | Demo Desk |");
    expect(md).toContain("| Article version | 1, captured 19 Nov 2026, 08:00 UTC \\(SHA-256 abababababab…\\) |");
    expect(md).toContain("| Reviewers | Riya Reviewer, Rafael Reviewer |\n| Marked outside a round by | Eddie Editor |\n| Review round |");
    expect(md).toContain(
      "| Review round | adjudicated; adjudicator Eddie Editor; opened 20 Nov 2026, 08:00 UTC, revealed 21 Nov 2026, 16:45 UTC, adjudicated 22 Nov 2026, 15:00 UTC |",
    );
    for (const row of [
      "| Decided by adjudication | 1 |",
      "| Reviewer disagreements | 1 |",
      "| Same verdict | 0 of 1 \\(0%\\) |",
      "| Same span | 1 of 1 \\(100%\\) |",
      "| Krippendorff’s alpha \\(verdicts\\) | 0\\.42 |",
      "| Span overlap F1 | 0\\.87 |",
    ])
      expect(md).toContain(row);
    const claim2 = md.slice(md.indexOf('<a id="claim-2">'), md.indexOf('<a id="claim-3">'));
    expect(claim2).toContain("2. Unsourced\n\n> “It’s a historic visit,” said a café owner\n\n**Rationale:** No name given.");
    expect(claim2).toContain("**Reviewers:** Riya Reviewer: Unsourced; Rafael Reviewer: Disputed");
    expect(claim2).toContain(
      "**Disagreement and decision:** Reviewers disagreed on the verdict — decided by Eddie Editor on 22 Nov 2026, 15:00 UTC — Nobody is named.",
    );
    // An article's own report names no round and no round figures.
    const plain = buildMarkdown(makeReportModel());
    expect(plain).not.toContain("| Review round |");
    expect(plain).not.toContain("Krippendorff");
  });

  it("lists a round's clusters rejected as not a claim after the claims, with each reviewer's quote and verdict and the decision's rationale", () => {
    const md = buildMarkdown(makeRoundReportModel());
    const rejected = md.slice(md.indexOf("## Rejected as not a claim"));
    expect(md.indexOf("## Rejected as not a claim")).toBeGreaterThan(md.lastIndexOf(`<a id="claim-`));
    expect(rejected).toContain(
      "### Cluster 3 · Marked by one reviewer\n\n> a \\<b\\>crowded\\</b\\> café \\& bar\n\nRafael Reviewer marked it Unsourced: Who says so?",
    );
    expect(rejected).toContain("**Decision:** Rejected by Eddie Editor on 22 Nov 2026, 15:05 UTC");
    expect(rejected).toContain("**Rationale:** A description of the scene, not a checkable statement.");
    expect(md).toContain("| Claims | 4 |");
    expect(buildMarkdown(makeReportModel())).not.toContain("Rejected as not a claim");
    expect(buildMarkdown(makeRoundReportModel({ over: { rejected: [] } }))).not.toContain("Rejected as not a claim");
  });

  it("escapes reviewer names and the decision rationale too", () => {
    const m = makeRoundReportModel({
      claims: [
        {
          exact: "arrived in Seoul",
          verdict: "disputed",
          reviews: [
            {
              reviewer: { id: "u1", name: "<img src=x onerror=alert(1)>" },
              verdict: "verified",
              start: 0,
              end: 0,
              exact: "",
              rationaleText: "",
            },
          ],
          cluster: { number: 1, kind: "single_reviewer", disagreement: false },
          decision: {
            by: { id: "u2", name: "[Ed](javascript:x)" },
            at: "2026-11-22T15:00:00.000Z",
            boundary: null,
            rationaleHtml: "",
            rationaleText: "**bold** <b>x</b>",
          },
        },
      ],
    });
    const md = buildMarkdown(m);
    expect(md).toContain("**Reviewers:** \\<img src=x onerror=alert\\(1\\)\\>: Verified");
    expect(md).toContain("decided by \\[Ed\\]\\(javascript:x\\) on 22 Nov 2026, 15:00 UTC — \\*\\*bold\\*\\* \\<b\\>x\\</b\\>");
    expect(md).not.toMatch(/(?<!\\)<(img|b)|(?<!\\)\]\(javascript/);
  });
});
