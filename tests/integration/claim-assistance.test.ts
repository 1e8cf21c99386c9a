import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { listSuggestions } from "@/lib/server/assist/list-suggestions";
import { decideSuggestion } from "@/lib/server/assist/decide-suggestion";
import { listRelatedClaims } from "@/lib/server/assist/list-related-claims";
import { applyRelatedVerdict } from "@/lib/server/assist/apply-related-verdict";
import { searchClaims } from "@/lib/server/assist/search-claims";
import { resetAssistModel } from "@/lib/server/assist/reset-assist-model";
import { getAssistModel } from "@/lib/server/assist/get-assist-model";
import { createAlias } from "@/lib/server/assist/create-alias";
import { deleteAlias } from "@/lib/server/assist/delete-alias";
import { listAliases } from "@/lib/server/assist/list-aliases";
import { createClaim } from "@/lib/server/claims/create-claim";
import { createArticle, createTeam } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink, findPhrase } from "@/seeds/evidence-factories";
import { annotateInRound, deskRound } from "@/seeds/review-factories";
import { seedArticles } from "@/seeds/demo";
import { makeMember } from "../support/actors";
import { errorCode } from "../support/error-code";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { indexWritesSettled, isPostgres, teamTerm } from "@/lib/server/assist/sentence-index";
import { analyzeText } from "@/lib/assist/analyze-text";

type Member = Awaited<ReturnType<typeof makeMember>>;
type Article = Awaited<ReturnType<typeof createArticle>>;

/** A team holding the five seed articles (five outlets on one visit). */
async function seedDesk() {
  const team = await createTeam(db);
  const editor = await makeMember(db, team, "editor");
  const reviewer = await makeMember(db, team, "reviewer");
  const reviewer2 = await makeMember(db, team, "reviewer");
  const articles: Record<string, Article> = {};
  for (const { stem, raw, meta } of seedArticles()) articles[stem.slice(0, 3)] = await createArticle(db, { team, text: raw, meta });
  return { team, editor, reviewer, reviewer2, articles };
}
const v = (a: Article) => ({ ...a.versions[0]!, articleId: a.id });

let desk: Awaited<ReturnType<typeof seedDesk>>;
let other: { team: { id: string; name: string }; editor: Member };
beforeAll(async () => {
  desk = await seedDesk();
  const team = await createTeam(db);
  other = { team, editor: await makeMember(db, team, "editor") };
});

afterAll(() => indexWritesSettled());

/** The team's index as stored: sentences, index states, BM25 totals and document frequencies, and (SQLite) full-text rows. */
async function storedIndex(teamId: string) {
  const rows = await db.assistSentence.findMany({ where: { teamId }, select: { terms: true, termCount: true, ftsRowid: true } });
  const df = new Map<string, number>();
  for (const r of rows) for (const t of new Set(r.terms.split(" "))) if (t !== teamTerm(teamId)) df.set(t, (df.get(t) ?? 0) + 1);
  const stats = await db.assistTermStat.findMany({ where: { teamId, df: { not: 0 } }, select: { term: true, df: true } });
  const model = await db.assistModel.findUnique({ where: { teamId }, select: { sentences: true, terms: true } });
  const fts = isPostgres()
    ? rows.length
    : Number(
        (
          await db.$queryRawUnsafe<{ n: number | bigint }[]>(
            `SELECT count(*) AS n FROM "AssistSentenceFts" f JOIN "AssistSentence" s ON s."ftsRowid" = f.rowid WHERE s."teamId" = ?`,
            teamId,
          )
        )[0]!.n,
      );
  return {
    sentences: rows.length,
    states: await db.assistIndexState.findMany({ where: { teamId }, select: { versionId: true, sentences: true } }),
    model,
    termsCounted: rows.reduce((n, r) => n + r.termCount, 0),
    dfMatches: stats.length === df.size && stats.every((s) => df.get(s.term) === s.df),
    fts,
  };
}

describe("the first request for an article's suggestions", () => {
  it("answers from the analysis and writes the index after it, once when two first requests race; later answers are the same", async () => {
    const team = await createTeam(db);
    const editor = await makeMember(db, team, "editor");
    const seeds = seedArticles();
    const a = await createArticle(db, { team, text: seeds[3]!.raw, meta: seeds[3]!.meta });
    const b = await createArticle(db, { team, text: seeds[0]!.raw, meta: seeds[0]!.meta });
    const writes = vi.spyOn(db, "$transaction");
    const [first, racing] = await Promise.all([listSuggestions(editor, b.id), listSuggestions(editor, b.id)]);
    expect(first.suggestions.length).toBeGreaterThan(5);
    expect(racing).toEqual(first);
    await indexWritesSettled();
    expect(writes).toHaveBeenCalledTimes(1);
    writes.mockRestore();
    const index = await storedIndex(team.id);
    expect(index.states).toEqual([{ versionId: b.versions[0]!.id, sentences: index.sentences }]);
    expect(index.sentences).toBeGreaterThan(first.suggestions.length);
    expect(index.model).toEqual({ sentences: index.sentences, terms: index.termsCounted });
    expect(index.dfMatches).toBe(true);
    expect(index.fts).toBe(index.sentences);
    expect(await listSuggestions(editor, b.id)).toEqual(first);

    // The related search sees an article whose first answer came before its write.
    await listSuggestions(editor, a.id);
    const claim = await createClaimOnPhrase(db, {
      team,
      version: v(b),
      authorId: editor.id,
      verdict: "unsourced",
      phrase: "Mr Stoltenberg also called on Seoul to increase aid to Ukraine",
    });
    const related = await listRelatedClaims(await viewerOf(editor), claim.id);
    expect(related.some((r) => r.articleId === a.id && r.text.startsWith("Stoltenberg urged South Korea"))).toBe(true);
    await indexWritesSettled();
    expect((await storedIndex(team.id)).states).toHaveLength(2);
  });

  it("logs a failed index write and still answers; the next request writes the index", async () => {
    const team = await createTeam(db);
    const editor = await makeMember(db, team, "editor");
    const article = await createArticle(db, { team, text: seedArticles()[1]!.raw });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const write = vi.spyOn(db, "$transaction").mockRejectedValueOnce(new Error("disk I/O error"));
    try {
      const first = await listSuggestions(editor, article.id);
      await indexWritesSettled();
      expect(write).toHaveBeenCalledTimes(1);
      expect(logged).toHaveBeenCalledWith(
        expect.stringMatching(/indexing version .* failed/),
        expect.objectContaining({ message: "disk I/O error" }),
      );
      expect((await storedIndex(team.id)).sentences).toBe(0);
      expect(await listSuggestions(editor, article.id)).toEqual(first);
      await indexWritesSettled();
      const index = await storedIndex(team.id);
      expect(index.sentences).toBeGreaterThan(0);
      expect(index.states).toEqual([{ versionId: article.versions[0]!.id, sentences: index.sentences }]);
    } finally {
      write.mockRestore();
      logged.mockRestore();
    }
  });
});

describe("suggestions", () => {
  it("lists check-worthy sentences of the current version with reasons and speakers, in code points", async () => {
    const a = desk.articles["000"]!;
    const { versionId, suggestions } = await listSuggestions(desk.reviewer, a.id);
    expect(versionId).toBe(a.versions[0]!.id);
    const text = [...a.versions[0]!.text];
    for (const s of suggestions) expect(text.slice(s.start, s.end).join("")).toBe(s.text);
    const call = suggestions.find((s) => s.text.startsWith("Mr Stoltenberg also called on Seoul"));
    expect(call).toMatchObject({ speaker: "Jens Stoltenberg", unsourced: false });
    expect(call!.reasons.length).toBeGreaterThan(0);
    const deal = suggestions.find((s) => s.text.startsWith("South Korea has already signed"));
    expect(deal).toMatchObject({ unsourced: true });
    expect(deal!.reasons.join(" ")).toMatch(/hundreds/);
    expect(await errorCode(listSuggestions(other.editor, a.id))).toBe("404:");
  });

  it("remembers a dismissal, learns from it once, and never learns from another team", async () => {
    const a = desk.articles["001"]!;
    const before = await listSuggestions(desk.reviewer, a.id);
    const target = before.suggestions[0]!;
    const input = { versionId: before.versionId, start: target.start, end: target.end, decision: "dismiss" as const };
    expect(await decideSuggestion(desk.reviewer, a.id, input)).toEqual({ decision: "dismiss", learnt: true });
    expect(await decideSuggestion(desk.reviewer, a.id, input)).toEqual({ decision: "dismiss", learnt: false });
    const after = await listSuggestions(desk.editor, a.id);
    expect(after.suggestions.map((s) => s.start)).not.toContain(target.start);
    const model = await db.assistModel.findUniqueOrThrow({ where: { teamId: desk.team.id } });
    expect(model.updates).toBe(1);
    expect(await db.auditEvent.count({ where: { teamId: desk.team.id, action: "suggestion.dismiss" } })).toBe(1);
    expect(await errorCode(decideSuggestion(other.editor, a.id, input))).toBe("404:");
    expect(await errorCode(decideSuggestion(desk.reviewer, a.id, { ...input, start: target.start + 1 }))).toBe("400:start");
    expect(await errorCode(decideSuggestion(desk.reviewer, a.id, { ...input, versionId: desk.articles["000"]!.versions[0]!.id }))).toBe(
      "400:versionId",
    );
  });

  it("takes a decision on a suggestion this process never answered (another app instance did, and its index write is not in)", async () => {
    // The first answer came from another instance's analysis: here the version has no index rows yet.
    const a = await createArticle(db, { team: desk.team, text: desk.articles["002"]!.versions[0]!.text });
    const versionId = a.versions[0]!.id;
    expect(await db.assistIndexState.count({ where: { versionId } })).toBe(0);
    const target = (await analyzeText(a.versions[0]!.text)).find((s) => s.text.includes("Stoltenberg"))!;
    const input = { versionId, start: target.start, end: target.end, decision: "dismiss" as const };
    expect(await decideSuggestion(desk.reviewer, a.id, input)).toEqual({ decision: "dismiss", learnt: true });
    expect(await db.suggestionDismissal.count({ where: { articleId: a.id, text: target.text } })).toBe(1);
    expect(await db.assistIndexState.count({ where: { versionId } })).toBe(1);
    // Offsets that are no sentence are still refused once the version is indexed.
    expect(await errorCode(decideSuggestion(desk.reviewer, a.id, { ...input, start: target.start + 1 }))).toBe("400:start");
  });

  it("lets an editor reset the learnt weights, with a version check", async () => {
    const model = await getAssistModel(desk.editor);
    expect(model.updates).toBeGreaterThan(0);
    expect(await errorCode(resetAssistModel(desk.reviewer, model.version))).toBe("403:");
    expect(await errorCode(resetAssistModel(desk.editor, model.version + 5))).toBe("409:");
    const reset = await resetAssistModel(desk.editor, model.version);
    expect(reset.updates).toBe(0);
    expect(reset.weights.every((w) => w.weight === w.default)).toBe(true);
  });
});

describe("related claims across articles", () => {
  it("finds the same call in other outlets, with the desk's earlier verdict, and not the trap", async () => {
    const source = await createClaimOnPhrase(db, {
      team: desk.team,
      version: v(desk.articles["003"]!),
      authorId: desk.editor.id,
      verdict: "disputed",
      phrase: "Stoltenberg urged South Korea to support Ukraine militarily",
      rationaleHtml: "<p>Checked.</p>",
    });
    const item = await createEvidenceItem(db, { team: desk.team, title: "Speech transcript" });
    await createEvidenceLink(db, { team: desk.team, evidenceId: item.id, claimId: source.id });
    const target = await createClaimOnPhrase(db, {
      team: desk.team,
      version: v(desk.articles["000"]!),
      authorId: desk.editor.id,
      verdict: "unsourced",
      phrase: "Mr Stoltenberg also called on Seoul to increase aid to Ukraine",
    });
    const related = await listRelatedClaims(await viewerOf(desk.reviewer), target.id);
    const articles = new Set(related.map((r) => r.articleId));
    expect(articles.size).toBeGreaterThanOrEqual(3);
    expect(articles.has(desk.articles["000"]!.id)).toBe(false);
    const scores = related.map((r) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const hit = related.find((r) => r.articleId === desk.articles["003"]!.id && r.text.startsWith("Stoltenberg urged South Korea"));
    expect(hit?.claim).toMatchObject({
      kind: "final",
      verdict: "disputed",
      source: { kind: "annotation", id: source.id },
      evidence: [{ title: "Speech transcript" }],
    });
    expect(hit?.reasons.join(" ")).toMatch(/Same speaker: Jens Stoltenberg/);
    // The trap: Yoon's statement of South Korean law shares words but is not this request.
    expect(related.some((r) => r.text.startsWith("Earlier, South Korean President"))).toBe(false);
    expect(await errorCode(listRelatedClaims(await viewerOf(other.editor), target.id))).toBe("404:");

    // Apply the earlier verdict and evidence: kept as a link, audited, with the version check.
    expect(
      await errorCode(
        applyRelatedVerdict(await viewerOf(desk.editor), target.id, {
          version: target.version + 1,
          source: { kind: "annotation", id: source.id },
        }),
      ),
    ).toBe("409:");
    expect(
      await errorCode(
        applyRelatedVerdict(await viewerOf(other.editor), target.id, {
          version: target.version,
          source: { kind: "annotation", id: source.id },
        }),
      ),
    ).toBe("404:");
    const applied = await applyRelatedVerdict(await viewerOf(desk.editor), target.id, {
      version: target.version,
      source: { kind: "annotation", id: source.id },
    });
    expect(applied).toMatchObject({ verdict: "disputed", rationaleHtml: "<p>Checked.</p>", evidenceCount: 1 });
    expect(await db.claimLink.findMany({ where: { annotationId: target.id } })).toEqual([
      expect.objectContaining({ sourceAnnotationId: source.id, verdict: "disputed", evidenceCopied: 1 }),
    ]);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: target.id, action: "claim.apply-related" } });
    expect(audit.after).toMatchObject({ verdict: "disputed", appliedFrom: { kind: "annotation", id: source.id }, evidenceCopied: 1 });
  });

  it("never shows a co-reviewer's hidden annotation: not in related claims, not in the claim search", async () => {
    const a = desk.articles["002"]!;
    const round = await deskRound(db, { team: desk.team, version: v(a), editor: desk.editor, reviewers: [desk.reviewer, desk.reviewer2] });
    const hidden = await annotateInRound(db, {
      team: desk.team,
      roundId: round.id,
      version: v(a),
      authorId: desk.reviewer2.id,
      verdict: "verified",
      phrase: "Stoltenberg called for South Korea to provide direct military support to Ukraine",
    });
    const mine = await createClaimOnPhrase(db, {
      team: desk.team,
      version: v(desk.articles["004"]!),
      authorId: desk.reviewer.id,
      verdict: "unsourced",
      phrase: "Jens Stoltenberg urged Seoul to “step up” military support for Ukraine",
    });
    const seenByReviewer = await listRelatedClaims(await viewerOf(desk.reviewer), mine.id);
    const sentence = seenByReviewer.find((r) => r.articleId === a.id && r.text.startsWith("While in South Korea on Monday"));
    expect(sentence).toBeDefined();
    expect(sentence!.claim).toBeUndefined();
    expect(JSON.stringify(seenByReviewer)).not.toContain(hidden.id);
    const search = await searchClaims(await viewerOf(desk.reviewer), { q: "direct military support" });
    expect(search.rows.map((r) => r.id)).not.toContain(hidden.id);
    // Its author sees it, and the editor once the round is revealed.
    expect((await searchClaims(await viewerOf(desk.reviewer2), { q: "direct military support" })).rows.map((r) => r.id)).toContain(
      hidden.id,
    );
    expect(await errorCode(listRelatedClaims(await viewerOf(desk.reviewer), hidden.id))).toBe("404:");
    await db.reviewRound.update({ where: { id: round.id }, data: { status: "revealed", revealedAt: new Date() } });
    expect((await searchClaims(await viewerOf(desk.editor), { q: "direct military support" })).rows.map((r) => r.id)).toContain(hidden.id);
  });
});

describe("claims: speaker and search", () => {
  it("stores a claim's speaker and finds it by speaker, verdict and words", async () => {
    const a = desk.articles["001"]!;
    const { start, end } = findPhrase(a.versions[0]!.text, "North Korean state media called Jens Stoltenberg’s visit");
    const claim = await createClaim(desk.editor, a.id, { versionId: a.versions[0]!.id, start, end, verdict: "verified", speaker: "KCNA" });
    expect(claim.speaker).toBe("KCNA");
    const found = await searchClaims(await viewerOf(desk.editor), { speaker: "kcna", verdict: "verified" });
    expect(found.rows).toEqual([expect.objectContaining({ id: claim.id, speaker: "KCNA", articleId: a.id, final: true })]);
    expect(
      (await searchClaims(await viewerOf(desk.editor), { q: "STATE media", verdict: "disputed" })).rows.map((r) => r.id),
    ).not.toContain(claim.id);
    expect((await searchClaims(await viewerOf(other.editor), { q: "state media" })).rows).toEqual([]);
  });
});

describe("the team alias table", () => {
  it("adds and removes a team alias (editors only), re-analysing the team's articles with it", async () => {
    const team = await createTeam(db);
    const editor = await makeMember(db, team, "editor");
    const reviewer = await makeMember(db, team, "reviewer");
    const article = await createArticle(db, { team, text: "The Blue House said on Monday that 300 shells were sent." });
    await listSuggestions(editor, article.id);
    expect(await errorCode(createAlias(reviewer, { alias: "Blue House", canonical: "South Korean presidency" }))).toBe("403:");
    const alias = await createAlias(editor, { alias: "Blue House", canonical: "South Korean presidency" });
    expect(await errorCode(createAlias(editor, { alias: "the blue house", canonical: "X" }))).toBe("409:");
    expect(await db.assistSentence.count({ where: { teamId: team.id } })).toBe(0);
    await listSuggestions(editor, article.id);
    await indexWritesSettled();
    const row = await db.assistSentence.findFirstOrThrow({ where: { teamId: team.id } });
    expect(row.terms).toContain("entsouthkoreanpresidency");
    expect((await listAliases(editor)).aliases[0]).toMatchObject({ alias: "Blue House", builtIn: false });
    expect(await errorCode(deleteAlias(editor, alias.id, alias.version + 1))).toBe("409:");
    await deleteAlias(editor, alias.id, alias.version);
    expect((await listAliases(editor)).aliases.some((a) => a.alias === "Blue House")).toBe(false);
  });
});
