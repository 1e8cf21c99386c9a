import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { loadReport } from "@/lib/server/reports/load-report";
import { MAX_IMPORT_EVIDENCE_LINKS, MAX_IMPORT_EVIDENCE_PER_ANNOTATION, importW3c } from "@/lib/server/reports/import-w3c";
import { buildTeamZip } from "@/lib/server/reports/build-team-zip";
import type { ZipJob } from "@/lib/server/reports/zip-jobs";
import { startRound } from "@/lib/server/reviews/start-round";
import { submitReview } from "@/lib/server/reviews/submit-review";
import { getRound } from "@/lib/server/reviews/get-round";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";
import { closeRound } from "@/lib/server/reviews/close-round";
import { buildW3c } from "@/lib/export/w3c";
import { buildHtml } from "@/lib/export/html";
import { buildMarkdown } from "@/lib/export/markdown";
import { createArticle } from "@/seeds/factories";
import { createEvidenceItem, createEvidenceLink, findPhrase } from "@/seeds/evidence-factories";
import { makeDesk } from "../support/actors";
import { errorCode } from "../support/error-code";
import { checkAnnotation } from "../support/w3c-conformance";
import { parseCsv } from "../support/parse-csv";
import { loadVisibility, viewerOf } from "@/lib/server/visibility/viewer";
import { eventBus } from "@/lib/events/event-bus";
import type { LiveEvent } from "@/lib/events/live-event";
import { anchorFields } from "@/lib/schemas/claim";

const BASE = "http://claimdesk.test";
const TEXT =
  "“It’s historic,” the café owner said of Stoltenberg’s visit.\nNATO has 30 members. Stoltenberg met Yoon in Seoul.\n𝕏 Later, Stoltenberg met Yoon again in Tokyo.";
/** The code-point span of a phrase's `occurrence`-th appearance in TEXT. */
const span = (phrase: string, occurrence = 0) => findPhrase(TEXT, phrase, undefined, occurrence);
const code = errorCode;

let desk: Awaited<ReturnType<typeof makeDesk>>;
let other: Awaited<ReturnType<typeof makeDesk>>;
beforeAll(async () => {
  desk = await makeDesk(db, TEXT);
  other = await makeDesk(db);
  await db.article.update({
    where: { id: desk.article.id },
    data: { url: "https://news.example/visit", outlet: "Example News", publishedDate: "2023-01-30" },
  });
  const add = (
    who: "editor" | "reviewer",
    phrase: string,
    verdict: "verified" | "disputed" | "unsourced",
    rationale?: string,
    occurrence = 0,
  ) => createClaim(desk[who], desk.article.id, { versionId: desk.version.id, ...span(phrase, occurrence), verdict, rationale });
  const quote = await add("editor", "“It’s historic,” the café owner said", "unsourced", "<p>Who? <img src=x onerror=alert(1)></p>");
  const members = await add("editor", "NATO has 30 members", "disputed", "<p>31 since April 2023</p>");
  // The second "Stoltenberg met Yoon": the one after the 𝕏 (a character outside the BMP).
  await add("editor", "Stoltenberg met Yoon", "verified", undefined, 1);
  await add("reviewer", "Stoltenberg met Yoon in Seoul", "verified"); // a reviewer's own reading outside a round is not a final claim
  const release = await createEvidenceItem(db, {
    team: desk.team,
    title: "NATO members <list>",
    url: "https://www.nato.int/members",
    publisher: "NATO",
  });
  const gone = await createEvidenceItem(db, { team: desk.team, title: "Old member list", url: null });
  await createEvidenceLink(db, {
    team: desk.team,
    evidenceId: release.id,
    claimId: members.id,
    stance: "contradicts",
    pinpoint: "Finland, 2023",
  });
  await createEvidenceLink(db, { team: desk.team, evidenceId: gone.id, claimId: members.id, stance: "context" });
  await createEvidenceLink(db, { team: desk.team, evidenceId: release.id, claimId: quote.id, stance: "context" });
  await db.evidenceItem.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
});

describe("loading an article's report", () => {
  it("holds the final claims in text order, with rationale, evidence (tombstones flagged) and the article's metadata", async () => {
    const m = await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: `${BASE}/` });
    expect(m.baseUrl).toBe(BASE);
    expect(m.team).toEqual({ id: desk.team.id, name: desk.team.name, slug: desk.team.slug });
    expect(m.article).toMatchObject({
      id: desk.article.id,
      title: "Test article",
      url: "https://news.example/visit",
      publishedDate: "2023-01-30",
    });
    expect(m.version).toMatchObject({ id: desk.version.id, number: 1, text: TEXT });
    expect(m.claims.map((c) => [c.number, c.exact, c.verdict])).toEqual([
      [1, "“It’s historic,” the café owner said", "unsourced"],
      [2, "NATO has 30 members", "disputed"],
      [3, "Stoltenberg met Yoon", "verified"],
    ]);
    expect(m.claims[2]).toMatchObject(span("Stoltenberg met Yoon", 1));
    expect(m.claims[0]!.rationaleHtml).toBe("<p>Who? </p>");
    expect(m.claims[1]!.rationaleText).toBe("31 since April 2023");
    expect(m.claims[1]!.evidence.map((e) => [e.title, e.stance, e.pinpoint, e.deleted])).toEqual([
      ["NATO members <list>", "contradicts", "Finland, 2023", false],
      ["Old member list", "context", null, true],
    ]);
    expect(m.claims.every((c) => c.reviews.length === 0 && c.author?.id === desk.editor.id)).toBe(true);
    // The editor tagged these outside any round: named for that, not as a reviewer.
    expect(m.reviewers).toEqual([]);
    expect(m.editors?.map((r) => r.id)).toEqual([desk.editor.id]);
    expect(m.summary).toMatchObject({
      total: 3,
      byVerdict: { verified: 1, disputed: 1, unsourced: 1 },
      withEvidence: 2,
      agreement: null,
      roundAgreement: null,
    });
  });

  it("never crosses teams", async () => {
    expect(await code(loadReport(await loadVisibility(other.editor), desk.article.id, { baseUrl: BASE }))).toBe("404:");
  });
});

describe("the report of a review round", () => {
  it("shows each reviewer's verdict, the disagreement and the decision, with the round's agreement figures", async () => {
    const d = await makeDesk(db, TEXT);
    const round = await startRound(await viewerOf(d.editor), {
      articleId: d.article.id,
      reviewerIds: [d.reviewer.id, d.reviewer2.id],
      adjudicatorId: d.editor.id,
    });
    const add = (who: "reviewer" | "reviewer2", phrase: string, verdict: "verified" | "disputed", rationale?: string) =>
      createClaim(d[who], d.article.id, { versionId: d.version.id, ...span(phrase), verdict, rationale });
    await add("reviewer", "NATO has 30 members", "disputed", "<p>Finland made it 31 in April 2023.</p>");
    await add("reviewer2", "NATO has 30 members", "verified");
    await submitReview(await viewerOf(d.reviewer), round.id);
    await submitReview(await viewerOf(d.reviewer2), round.id);
    const [cluster] = (await getRound(await viewerOf(d.editor), round.id)).clusters;
    await decideCluster(await viewerOf(d.editor), cluster!.id, {
      version: cluster!.version,
      action: "accept",
      boundary: "union",
      verdict: "disputed",
      rationale: "<p>Finland joined.</p>",
    });

    const m = await loadReport(await loadVisibility(d.editor), d.article.id, { baseUrl: BASE, roundId: round.id });
    expect(m.round).toMatchObject({ id: round.id, adjudicator: { id: d.editor.id } });
    expect(m.claims).toHaveLength(1);
    const c = m.claims[0]!;
    expect(c.reviews.map((r) => [r.reviewer.id, r.verdict]).sort()).toEqual(
      [
        [d.reviewer.id, "disputed"],
        [d.reviewer2.id, "verified"],
      ].sort(),
    );
    expect(c.cluster).toEqual({ number: cluster!.number, kind: "verdict_conflict", disagreement: true });
    expect(c.decision).toMatchObject({ by: { id: d.editor.id }, rationaleText: "Finland joined." });
    // The adjudicator decided; they did not review: "Reviewers" names the reviewers only, the round line the adjudicator.
    expect(m.reviewers.map((r) => r.id).sort()).toEqual([d.reviewer.id, d.reviewer2.id].sort());
    expect(m.adjudicators?.map((r) => r.id)).toEqual([d.editor.id]);
    expect(m.summary).toMatchObject({ disagreements: 1, decided: 1, agreement: { compared: 1, sameVerdict: 0, sameSpan: 1 } });
    expect(m.summary.roundAgreement).not.toBeNull();
    expect(buildHtml(m)).toContain("Reviewers disagreed on the verdict");
    // The reviewer's rationale is carried into the claim under their name, the adjudicator's note on top, each printed once.
    const reviewerName = (await db.user.findUniqueOrThrow({ where: { id: d.reviewer.id } })).name;
    expect(c.rationaleText).toBe(
      `Adjudicator’s note\nFinland joined.\n${reviewerName} (reviewer, Disputed):\nFinland made it 31 in April 2023.`,
    );
    const md = buildMarkdown(m);
    expect(md).not.toContain("None given");
    expect(md.match(/Finland joined\./g)).toHaveLength(1);
    // The article's own report has the same claim; another article's round is not found.
    expect((await loadReport(await loadVisibility(d.editor), d.article.id, { baseUrl: BASE })).claims.map((x) => x.id)).toEqual([c.id]);
    expect(await code(loadReport(await loadVisibility(d.editor), desk.article.id, { baseUrl: BASE, roundId: round.id }))).toBe("404:");
    expect(await code(loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE, roundId: round.id }))).toBe("404:");
  });
});

describe("a review round's rejected clusters", () => {
  it("are in the round's report with each reviewer's quote and verdict and the rejection's rationale; not in the article's, nor for a reviewer reviewing blind", async () => {
    const d = await makeDesk(db, TEXT);
    const round = await startRound(await viewerOf(d.editor), {
      articleId: d.article.id,
      reviewerIds: [d.reviewer.id, d.reviewer2.id],
      adjudicatorId: d.editor.id,
    });
    await createClaim(d.reviewer, d.article.id, { versionId: d.version.id, ...span("NATO has 30 members"), verdict: "disputed" });
    await createClaim(d.reviewer2, d.article.id, { versionId: d.version.id, ...span("NATO has 30 members"), verdict: "disputed" });
    await createClaim(d.reviewer2, d.article.id, {
      versionId: d.version.id,
      ...span("the café owner said"),
      verdict: "unsourced",
      rationale: "<p>Which owner?</p>",
    });
    await submitReview(await viewerOf(d.reviewer), round.id);
    await submitReview(await viewerOf(d.reviewer2), round.id);
    const clusters = (await getRound(await viewerOf(d.editor), round.id)).clusters;
    const agreed = clusters.find((c) => c.kind === "agreed")!;
    const single = clusters.find((c) => c.kind === "single_reviewer")!;
    await decideCluster(await viewerOf(d.editor), agreed.id, {
      version: agreed.version,
      action: "accept",
      boundary: "union",
      verdict: "disputed",
      rationale: "<p>Finland joined.</p>",
    });
    await decideCluster(await viewerOf(d.editor), single.id, {
      version: single.version,
      action: "reject",
      rationale: "<p>Scene-setting, <em>not</em> a claim.</p>",
    });

    const m = await loadReport(await loadVisibility(d.editor), d.article.id, { baseUrl: BASE, roundId: round.id });
    expect(m.claims.map((c) => c.exact)).toEqual(["NATO has 30 members"]);
    expect(m.rejected).toEqual([
      {
        cluster: { number: single.number, kind: "single_reviewer" },
        reviews: [
          {
            reviewer: { id: d.reviewer2.id, name: expect.any(String) },
            verdict: "unsourced",
            ...span("the café owner said"),
            exact: "the café owner said",
            rationaleText: "Which owner?",
          },
        ],
        decision: {
          by: { id: d.editor.id, name: expect.any(String) },
          at: expect.any(String),
          boundary: null,
          rationaleHtml: "<p>Scene-setting, <em>not</em> a claim.</p>",
          rationaleText: "Scene-setting, not a claim.",
        },
      },
    ]);
    expect(m.summary.total).toBe(1);
    const html = buildHtml(m);
    expect(html).toContain(`<article class="rejection" id="cluster-${single.number}">`);
    expect(html).toContain("<blockquote>the café owner said</blockquote>");
    expect(html).toContain("<p>Scene-setting, <em>not</em> a claim.</p>");
    // The article's own report lists claims only.
    expect((await loadReport(await loadVisibility(d.editor), d.article.id, { baseUrl: BASE })).rejected).toEqual([]);

    // A later round on the article: its reviewer, reviewing blind, gets the earlier round's report without the outcome.
    await closeRound(await viewerOf(d.editor), round.id, (await db.reviewRound.findUniqueOrThrow({ where: { id: round.id } })).version);
    await startRound(await viewerOf(d.editor), { articleId: d.article.id, reviewerIds: [d.reviewer.id], adjudicatorId: d.editor.id });
    expect((await loadReport(await loadVisibility(d.reviewer), d.article.id, { baseUrl: BASE, roundId: round.id })).rejected).toEqual([]);
    expect((await loadReport(await loadVisibility(d.reviewer2), d.article.id, { baseUrl: BASE, roundId: round.id })).rejected).toHaveLength(
      1,
    );
  });
});

describe("importing W3C annotations", () => {
  it("round-trips: export, import into a fresh copy of the article, and the spans and verdicts are identical", async () => {
    const source = await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE });
    const exported = JSON.parse(JSON.stringify(buildW3c(source)));
    for (const a of exported.first.items) expect(checkAnnotation(a).failed).toEqual([]);

    const copy = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Copy" } });
    const report = await importW3c(await viewerOf(desk.editor), copy.id, exported, BASE);
    expect(report.failed).toEqual([]);
    expect(report.imported.map((i) => i.placedBy)).toEqual(["position", "position", "position"]);
    // The tombstoned item is not re-created as a library entry pointing at Claimdesk itself.
    expect(report.imported.map((i) => i.evidence)).toEqual([1, 1, 0]);
    expect(await db.evidenceItem.count({ where: { teamId: desk.team.id, url: { startsWith: BASE } } })).toBe(0);

    const again = await loadReport(await loadVisibility(desk.editor), copy.id, { baseUrl: BASE });
    const shape = (m: typeof source) =>
      m.claims.map((c) => ({
        ...anchorFields(c),
        verdict: c.verdict,
        rationaleHtml: c.rationaleHtml,
      }));
    expect(shape(again)).toEqual(shape(source));
    // Evidence comes back as links to the same library items, with stance and pinpoint.
    const ev = (m: typeof source) => m.claims.map((c) => c.evidence.filter((e) => !e.deleted).map((e) => [e.id, e.stance, e.pinpoint]));
    expect(ev(again)).toEqual(ev(source));
    expect(await db.auditEvent.count({ where: { teamId: desk.team.id, action: "claim.import" } })).toBe(3);

    // Importing the same file again creates nothing and says why.
    const twice = await importW3c(await viewerOf(desk.editor), copy.id, exported, BASE);
    expect(twice.imported).toEqual([]);
    expect(twice.failed.map((f) => f.reason)).toEqual(["duplicate", "duplicate", "duplicate"]);
  });

  it("announces the imported claims live, as typed ones are: one event per claim, and one article event for a large import", async () => {
    const source = await loadReport(await loadVisibility(desk.editor), desk.article.id, { baseUrl: BASE });
    const exported = JSON.parse(JSON.stringify(buildW3c(source)));
    const copy = await createArticle(db, { team: desk.team, text: TEXT, meta: { title: "Live copy" } });
    const seen: LiveEvent[] = [];
    await (eventBus() as { ready?: () => Promise<void> }).ready?.();
    const off = eventBus().subscribe((e) => void (e.article === copy.id && seen.push(e)));
    try {
      const report = await importW3c(await viewerOf(desk.editor), copy.id, exported, BASE);
      expect(report.imported).toHaveLength(3);
      const ids = report.imported.map((i) => i.annotationId).sort();
      await expect
        .poll(() => seen.map((e) => [e.kind, e.id, e.version, e.audience ?? null]).sort())
        .toEqual(ids.map((id) => ["annotation", id, 1, null]));
    } finally {
      off();
    }
  });

  it("places by quote and context when positions differ, never guesses, and reports what it could not place", async () => {
    const copy = await createArticle(db, { team: desk.team, text: `Preface.\n${TEXT}`, meta: { title: "Shifted copy" } });
    const sel = (exact: string, extra: Record<string, unknown> = {}) => ({ type: "TextQuoteSelector", exact, ...extra });
    const ann = (selector: unknown, verdict = "Verified") => ({
      type: "Annotation",
      body: { type: "TextualBody", purpose: "tagging", value: verdict },
      target: { source: "x", selector },
    });
    const input = [
      ann([sel("NATO has 30 members"), { type: "TextPositionSelector", start: 61, end: 80 }], "Disputed"),
      ann(sel("Stoltenberg met Yoon")),
      ann(sel("Stoltenberg met Yoon", { prefix: "Later, ", suffix: " again" })),
      ann(sel("Biden met Yoon")),
      { type: "Annotation", body: { purpose: "commenting", value: "no verdict" }, target: { source: "x", selector: sel("Preface") } },
      "garbage",
    ];
    const report = await importW3c(await viewerOf(desk.editor), copy.id, input, BASE);
    expect(report.total).toBe(6);
    expect(report.imported.map((i) => [i.index, i.placedBy, i.verdict])).toEqual([
      [0, "quote", "disputed"],
      [2, "context", "verified"],
    ]);
    expect(report.failed.map((f) => [f.index, f.reason])).toEqual([
      [1, "ambiguous"],
      [3, "quote-not-found"],
      [4, "no-verdict"],
      [5, "not-an-annotation"],
    ]);
    const rows = await db.annotation.findMany({ where: { articleId: copy.id }, orderBy: { start: "asc" } });
    expect(rows.map((r) => r.exact)).toEqual(["NATO has 30 members", "Stoltenberg met Yoon"]);
    const text = copy.versions[0]!.text;
    expect([...text].slice(rows[1]!.start, rows[1]!.end).join("")).toBe("Stoltenberg met Yoon");
    expect(text.slice(text.indexOf("Later, "), text.indexOf("Later, ") + 27)).toBe("Later, Stoltenberg met Yoon");
    expect(rows[1]!.prefix.endsWith("Later, ")).toBe(true);
  });

  it("refuses input that is not W3C, and another team's article", async () => {
    expect(await code(importW3c(await viewerOf(desk.editor), desk.article.id, { hello: "world" }, BASE))).toBe("400:type");
    expect(await code(importW3c(await viewerOf(other.editor), desk.article.id, [], BASE))).toBe("404:");
  });
});

describe("import caps", () => {
  const linking = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ({
      type: "SpecificResource",
      purpose: "linking",
      source: { id: `https://evidence.example/${tag}/${i}`, type: "Text", title: `Source ${i}` },
    }));
  const ann = (exact: string, evidence: unknown[]) => ({
    type: "Annotation",
    body: [{ type: "TextualBody", purpose: "tagging", value: "Verified" }, ...evidence],
    target: { source: "x", selector: { type: "TextQuoteSelector", exact } },
  });

  it(`refuses an annotation with more than ${MAX_IMPORT_EVIDENCE_PER_ANNOTATION} evidence links, naming it, and writes nothing`, async () => {
    const d = await makeDesk(db, TEXT);
    const input = [
      ann("NATO has 30 members", linking(2, "ok")),
      ann("Stoltenberg met Yoon in Seoul", linking(MAX_IMPORT_EVIDENCE_PER_ANNOTATION + 1, "many")),
    ];
    expect(await code(importW3c(await viewerOf(d.editor), d.article.id, input, BASE))).toBe("400:items.1.body");
    expect(await db.annotation.count({ where: { articleId: d.article.id } })).toBe(0);
    expect(await db.evidenceItem.count({ where: { teamId: d.team.id } })).toBe(0);
    // Exactly the cap is fine.
    const ok = await importW3c(
      await viewerOf(d.editor),
      d.article.id,
      [ann("Stoltenberg met Yoon in Seoul", linking(MAX_IMPORT_EVIDENCE_PER_ANNOTATION, "cap"))],
      BASE,
    );
    expect(ok.imported.map((i) => i.evidence)).toEqual([MAX_IMPORT_EVIDENCE_PER_ANNOTATION]);
  });

  it(`refuses more than ${MAX_IMPORT_EVIDENCE_LINKS} evidence links in one import`, async () => {
    const d = await makeDesk(db, TEXT);
    const per = MAX_IMPORT_EVIDENCE_PER_ANNOTATION;
    const input = Array.from({ length: Math.floor(MAX_IMPORT_EVIDENCE_LINKS / per) + 1 }, (_, i) =>
      ann("NATO has 30 members", linking(per, `a${i}`)),
    );
    expect(await code(importW3c(await viewerOf(d.editor), d.article.id, input, BASE))).toBe("400:items");
    expect(await db.annotation.count({ where: { articleId: d.article.id } })).toBe(0);
  });
});

describe("the team ZIP", () => {
  it("writes index.csv as RFC 4180, with a two-line title, a quoted one and a formula neutralized", async () => {
    const d = await makeDesk(db, TEXT);
    // Two lines and nothing else: csv-stringify alone would leave this one unquoted.
    const title = "Stoltenberg “visits”\nSeoul again";
    await db.article.update({ where: { id: d.article.id }, data: { title } });
    const second = await createArticle(db, { team: d.team, text: "A second article.", meta: { title: '=HYPERLINK("http://x")' } });
    const job: ZipJob = {
      id: "job-1",
      teamId: d.team.id,
      userId: d.editor.id,
      status: "running",
      done: 0,
      total: 2,
      error: null,
      file: null,
      bytes: 0,
      filename: "x.zip",
      finishedAt: null,
    };
    await buildTeamZip(
      job,
      [d.article.id, second.id].map((id) => ({ id, textLength: 100, annotations: 0 })),
      ["csv"],
      BASE,
      null,
      d.editor,
    );
    expect(job).toMatchObject({ status: "done", done: 2, error: null });
    const zip = await JSZip.loadAsync(readFileSync(job.file!));
    const index = parseCsv(await zip.file("index.csv")!.async("string"));
    expect(index[0]).toEqual(["folder", "article_id", "title", "version", "claims", "verified", "disputed", "unsourced"]);
    expect(index.slice(1).map((r) => [r[1], r[2], r[4]])).toEqual([
      [d.article.id, title, "0"],
      [second.id, '\'=HYPERLINK("http://x")', "0"],
    ]);
  });
});
