import { describe, expect, it } from "vitest";
import { buildMarkdown, escapeMarkdown } from "./markdown";
import { evidence, makeReportModel } from "@/tests/fixtures/report-model";

describe("Markdown report", () => {
  it("escapes Markdown metacharacters and HTML in user text", () => {
    expect(escapeMarkdown("*bold* _it_ [link](http://x) <b>hi</b> `code` | pipe & amp ![img](y)")).toBe(
      "\\*bold\\* \\_it\\_ \\[link\\]\\(http://x\\) \\<b\\>hi\\</b\\> \\`code\\` \\| pipe \\& amp \\!\\[img\\]\\(y\\)",
    );
    expect(escapeMarkdown("# Heading\n- item\n1. first\n    code\n===")).toBe("\\# Heading\n\\- item\n1\\. first\ncode\n\\===");
  });

  it("prints the report's parts, with user text unable to inject markup", () => {
    const m = makeReportModel({
      claims: [{ exact: "arrived in Seoul", verdict: "disputed", rationaleText: "[click](javascript:alert(1)) <script>x</script>", evidence: [evidence({ title: "Evil](javascript:alert(1))", url: "https://ok.test/a b" })] }],
    });
    const md = buildMarkdown(m);
    expect(md).toContain("# Fact-check report: Stoltenberg’s visit to Seoul");
    expect(md).toContain('NATO Secretary-General Jens Stoltenberg <mark>arrived in Seoul</mark><sup>[1](#claim-1)</sup> on Sunday');
    expect(md).toContain('### <a id="claim-1"></a>1. Disputed');
    expect(md).toContain("**Rationale:** \\[click\\]\\(javascript:alert\\(1\\)\\) \\<script\\>x\\</script\\>");
    expect(md).toContain("- [Evil\\]\\(javascript:alert\\(1\\)\\)](<https://ok.test/a%20b>)");
    expect(md).not.toMatch(/<script>|\]\(javascript/);
    expect(md).toContain("| Claims | 1 |");
  });
});
