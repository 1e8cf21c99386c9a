import { randomUUID } from "node:crypto";
import { describe, expect, it, beforeAll } from "vitest";
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { restoreClaim } from "@/lib/server/claims/restore-claim";
import { listClaims } from "@/lib/server/claims/list-claims";
import { getClaim } from "@/lib/server/claims/get-claim";
import { listArticles } from "@/lib/server/articles/list-articles";
import { createArticle } from "@/seeds/factories";
import { deskRound } from "@/seeds/review-factories";
import { makeDesk } from "../support/actors";
import { conflictCurrent, errorCode } from "../support/error-code";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { claimSelect, toClaimDto } from "@/lib/server/claims/claim-dto";
import type { ClaimDto } from "@/lib/schemas/claim";

const code = errorCode;

let desk: Awaited<ReturnType<typeof makeDesk>>;
let other: Awaited<ReturnType<typeof makeDesk>>;
beforeAll(async () => {
  desk = await makeDesk(db);
  other = await makeDesk(db);
});

describe("creating a claim", () => {
  it("stores W3C selectors computed from the server's text", async () => {
    const text = desk.version.text;
    const start = text.indexOf("Stoltenberg met Yoon");
    const claim = await createClaim(desk.reviewer, desk.article.id, {
      versionId: desk.version.id,
      start,
      end: start + 20,
      verdict: "disputed",
      rationale: "<p>Check <b>dates</b></p><script>alert(1)</script>",
    });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: claim.id } });
    expect(row.exact).toBe("Stoltenberg met Yoon");
    expect(row.prefix).toBe(text.slice(Math.max(0, start - 32), start));
    expect(row.suffix).toBe(" in Seoul.");
    expect(row.verdict).toBe("disputed");
    expect(row.rationaleHtml).toBe("<p>Check <strong>dates</strong></p>");
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: claim.id, action: "claim.create" } });
    expect((audit.after as { exact: string }).exact).toBe("Stoltenberg met Yoon");
    // Written as raw SQL (insert-annotation.ts): the dates must read back through Prisma exactly.
    expect(Math.abs(row.createdAt.getTime() - Date.now())).toBeLessThan(60_000);
    expect(row.updatedAt.getTime()).toBe(row.createdAt.getTime());
    expect(audit.createdAt.getTime()).toBe(row.createdAt.getTime());
    expect(row.status).toBe("draft");
    expect(row.anchorState).toBe("anchored");
    expect(row.version).toBe(1);
    expect(claim.createdAt).toBe(row.createdAt.toISOString());
    // The create answers with the DTO a read returns (every field set, none left out by the raw insert), under a cuid.
    expect(claim).toStrictEqual(await getClaim(await viewerOf(desk.reviewer), claim.id));
    expect(claim.id).toMatch(/^c[a-z0-9]{24}$/);
  });

  it("counts offsets in code points, across paragraphs", async () => {
    const { team } = desk;
    const { createArticle } = await import("@/seeds/factories");
    const article = await createArticle(db, { team, text: "Emoji 𝕏 then café.\nNext line." });
    const v = article.versions[0]!;
    // "café.\nNext" starts after "Emoji 𝕏 then " = 13 code points (14 UTF-16 units).
    const claim = await createClaim(desk.editor, article.id, { versionId: v.id, start: 13, end: 23, verdict: "verified" });
    expect(claim.exact).toBe("café.\nNext");
    expect(claim.prefix).toBe("Emoji 𝕏 then ");
  });

  it("rejects bad spans, naming the field", async () => {
    const base = { versionId: desk.version.id, verdict: "verified" as const };
    expect(await code(createClaim(desk.reviewer, desk.article.id, { ...base, start: 0, end: 10_000 }))).toBe("400:end");
    expect(await code(createClaim(desk.reviewer, desk.article.id, { ...base, start: 5, end: 6 }))).toBe("400:start"); // a single space
    expect(await code(createClaim(desk.reviewer, desk.article.id, { ...base, start: 0, end: 5, exact: "Wrong" }))).toBe("400:exact");
    expect(await code(createClaim(desk.reviewer, desk.article.id, { ...base, versionId: other.version.id, start: 0, end: 5 }))).toBe(
      "400:versionId",
    );
  });

  it("is idempotent per clientId: a retry after a lost response returns the saved claim, not a duplicate", async () => {
    const article = await createArticle(db, { team: desk.team, text: "One claim, saved twice." });
    const input = { versionId: article.versions[0]!.id, start: 0, end: 9, verdict: "disputed" as const, clientId: randomUUID() };
    const first = await createClaim(desk.reviewer, article.id, input);
    expect(first.id).toBe(input.clientId);
    const retried = await Promise.all([createClaim(desk.reviewer, article.id, input), createClaim(desk.reviewer, article.id, input)]);
    expect(retried.map((c) => [c.id, c.version, c.createdAt])).toEqual([
      [first.id, 1, first.createdAt],
      [first.id, 1, first.createdAt],
    ]);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { objectId: first.id, action: "claim.create" } })).toBe(1);

    // The same id from anyone else (another member, another team) makes a new claim and reveals nothing.
    const theirs = await createClaim(desk.reviewer2, article.id, input);
    const stranger = await createClaim(other.reviewer, other.article.id, { ...input, versionId: other.version.id });
    expect(new Set([first.id, theirs.id, stranger.id]).size).toBe(3);
    expect([theirs.author.id, stranger.author.id, stranger.articleId]).toEqual([desk.reviewer2.id, other.reviewer.id, other.article.id]);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(2);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: first.id } })).authorId).toBe(desk.reviewer.id);
  });

  it("scopes the version to the team's live article also once its text is cached (the scope query is then skipped)", async () => {
    const article = await createArticle(db, { team: desk.team, text: "A claim, then the article is deleted." });
    const input = { versionId: article.versions[0]!.id, start: 0, end: 7, verdict: "verified" as const };
    await createClaim(desk.reviewer, article.id, input); // reads the text into the cache
    // Another team's member: 404, whether the span is good or not, and nothing about the text.
    expect(await code(createClaim(other.reviewer, article.id, input))).toBe("404:");
    expect(await code(createClaim(other.reviewer, article.id, { ...input, end: 10_000 }))).toBe("404:");
    // The article deleted: 404 before any span error, and nothing stored.
    await db.article.update({ where: { id: article.id }, data: { deletedAt: new Date() } });
    expect(await code(createClaim(desk.reviewer, article.id, input))).toBe("404:");
    expect(await code(createClaim(desk.reviewer, article.id, { ...input, end: 10_000 }))).toBe("404:");
    expect(await code(createClaim(desk.reviewer, article.id, { ...input, exact: "Wrong" }))).toBe("404:");
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(1);
  });

  it("refuses another team's version on the caller's own article, before and after that version's text is cached", async () => {
    const theirs = await createArticle(db, { team: other.team, text: "Their secret text, which no other desk may quote." });
    const input = { versionId: theirs.versions[0]!.id, start: 0, end: 12, verdict: "verified" as const };
    // Not cached yet: the scope query refuses it.
    expect(await code(createClaim(desk.reviewer, desk.article.id, input))).toBe("400:versionId");
    await createClaim(other.reviewer, theirs.id, input); // their own claim reads the text into the cache
    // Cached: the cache's owner check refuses it too, and nothing of their text is stored on this desk's article.
    expect(await code(createClaim(desk.reviewer, desk.article.id, input))).toBe("400:versionId");
    expect(await db.annotation.count({ where: { articleId: desk.article.id, versionId: input.versionId } })).toBe(0);
  });

  it("never crosses teams", async () => {
    const input = { versionId: other.version.id, start: 0, end: 5, verdict: "verified" as const };
    expect(await code(createClaim(desk.reviewer, other.article.id, input))).toBe("404:");
    expect(await code(listClaims(await viewerOf(desk.reviewer), other.article.id))).toBe("404:");
    const mine = await listArticles(await viewerOf(desk.reviewer));
    expect(mine.map((a) => a.id)).not.toContain(other.article.id);
  });
});

describe("tagging words the author tagged already", () => {
  /** A fresh article of the desk's team, so each test counts only its own claims. */
  async function freshArticle() {
    const article = await createArticle(db, { team: desk.team, text: "Stoltenberg met Yoon in Seoul on 30 January 2023." });
    const version = article.versions[0]!;
    return { article, version, words: { versionId: version.id, start: 0, end: 20 } };
  }

  it("answers 409 with the author's claim on those words, names its verdict, and stores nothing", async () => {
    const { article, words } = await freshArticle();
    const since = new Date();
    const first = await createClaim(desk.reviewer, article.id, { ...words, verdict: "disputed" });
    const again = createClaim(desk.reviewer, article.id, { ...words, verdict: "verified", clientId: randomUUID() });
    await expect(again).rejects.toThrow("You tagged these words Disputed already. Change that claim instead of tagging them again.");
    expect(await conflictCurrent(createClaim(desk.reviewer, article.id, { ...words, verdict: "unsourced" }))).toStrictEqual(
      await getClaim(await viewerOf(desk.reviewer), first.id),
    );
    const rows = await db.annotation.findMany({ where: { articleId: article.id }, select: { id: true, verdict: true } });
    expect(rows).toEqual([{ id: first.id, verdict: "disputed" }]);
    const audited = await db.auditEvent.findMany({ where: { teamId: desk.team.id, action: "claim.create", createdAt: { gte: since } } });
    expect(audited.map((a) => a.objectId)).toEqual([first.id]);
  });

  it("lets a teammate tag the same words, and the author tag words inside them, beside them, or once their claim is deleted or orphaned", async () => {
    const { article, words } = await freshArticle();
    const first = await createClaim(desk.reviewer, article.id, { ...words, verdict: "disputed" });
    expect(await code(createClaim(desk.reviewer2, article.id, { ...words, verdict: "verified" }))).toBe("ok");
    expect(await code(createClaim(desk.reviewer, article.id, { ...words, end: 15, verdict: "verified" }))).toBe("ok");
    expect(await code(createClaim(desk.reviewer, article.id, { ...words, end: 24, verdict: "verified" }))).toBe("ok");
    await deleteClaim(await viewerOf(desk.reviewer), first.id, first.version);
    const second = await createClaim(desk.reviewer, article.id, { ...words, verdict: "unsourced" });
    await db.annotation.update({ where: { id: second.id }, data: { anchorState: "orphaned" } });
    expect(await code(createClaim(desk.reviewer, article.id, { ...words, verdict: "verified" }))).toBe("ok");
    expect(await db.annotation.count({ where: { articleId: article.id, authorId: desk.reviewer.id, start: 0, end: 20 } })).toBe(3);
    // The live claim on those words is now the third: it is the one a fourth tag names.
    expect(await code(createClaim(desk.reviewer, article.id, { ...words, verdict: "verified" }))).toBe("409:");
  });

  it("counts only claims of the round the new one joins: a blind round starts clean, and is then held to one tag too", async () => {
    const { article, version, words } = await freshArticle();
    await createClaim(desk.reviewer, article.id, { ...words, verdict: "disputed" });
    const round = await deskRound(db, { team: desk.team, version, editor: desk.editor, reviewers: [desk.reviewer] });
    const inRound = await createClaim(desk.reviewer, article.id, { ...words, verdict: "verified" });
    expect(inRound.roundId).toBe(round.id);
    const current = (await conflictCurrent(createClaim(desk.reviewer, article.id, { ...words, verdict: "unsourced" }))) as ClaimDto;
    expect([current.id, current.roundId, current.verdict]).toEqual([inRound.id, round.id, "verified"]);
    expect(await db.annotation.count({ where: { articleId: article.id } })).toBe(2);
  });
});

describe("changing a claim", () => {
  /** Words of the desk's article no test here tagged before (one person tags the same words once). */
  let tagged = 0;
  const freshWords = (verdict: ClaimDto["verdict"]) => ({ versionId: desk.version.id, start: 0, end: 5 + tagged++, verdict });

  it("applies a change that names the current version, and refuses a stale one with the current state", async () => {
    const c = await createClaim(desk.reviewer, desk.article.id, freshWords("unsourced"));
    const updated = await updateClaim(await viewerOf(desk.reviewer), c.id, { version: c.version, verdict: "verified" });
    expect(updated.version).toBe(c.version + 1);
    expect(
      await conflictCurrent(updateClaim(await viewerOf(desk.editor), c.id, { version: c.version, verdict: "disputed" })),
    ).toMatchObject({
      verdict: "verified",
    });
    expect((await db.annotation.findUniqueOrThrow({ where: { id: c.id } })).verdict).toBe("verified");
  });

  it("lets only the author or an editor edit", async () => {
    const c = await createClaim(desk.reviewer, desk.article.id, freshWords("unsourced"));
    expect(await code(updateClaim(await viewerOf(desk.reviewer2), c.id, { version: c.version, verdict: "verified" }))).toBe("403:");
    expect(await code(updateClaim(await viewerOf(other.editor), c.id, { version: c.version, verdict: "verified" }))).toBe("404:");
    expect(await code(updateClaim(await viewerOf(desk.editor), c.id, { version: c.version, rationale: "<p>ok</p>" }))).toBe("ok");
  });

  it("deletes to a tombstone that undo restores", async () => {
    const c = await createClaim(desk.reviewer, desk.article.id, freshWords("verified"));
    const deleted = await deleteClaim(await viewerOf(desk.reviewer), c.id, c.version);
    expect(deleted.deletedAt).not.toBeNull();
    expect((await listClaims(await viewerOf(desk.reviewer), desk.article.id)).map((x) => x.id)).not.toContain(c.id);
    expect(await db.annotation.count({ where: { id: c.id } })).toBe(1);
    const restored = await restoreClaim(await viewerOf(desk.reviewer), c.id, deleted.version);
    expect(restored.deletedAt).toBeNull();
    expect((await listClaims(await viewerOf(desk.reviewer), desk.article.id)).map((x) => x.id)).toContain(c.id);
    const actions = (await db.auditEvent.findMany({ where: { objectId: c.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["claim.create", "claim.delete", "claim.restore"]);
  });

  it("answers and audits every change with the row as it reads back, evidence count and author included", async () => {
    const c = await createClaim(desk.reviewer, desk.article.id, freshWords("unsourced"));
    const item = await db.evidenceItem.create({ data: { teamId: desk.team.id, kind: "dataset", title: "Census 2023" } });
    await db.evidenceLink.create({ data: { teamId: desk.team.id, evidenceId: item.id, annotationId: c.id, stance: "supports" } });
    const reviewer = await viewerOf(desk.reviewer);
    // What a fresh read shows, and what the audit's `after` must hold: claimSelect's row, as JSON.
    const readBack = () => db.annotation.findUniqueOrThrow({ where: { id: c.id }, select: claimSelect });
    const lastAudit = async () =>
      (await db.auditEvent.findMany({ where: { objectId: c.id }, orderBy: { createdAt: "desc" }, take: 1 }))[0]!;
    const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

    let previous = json(await readBack());
    const steps: [string, (version: number) => Promise<ClaimDto>][] = [
      [
        "claim.update",
        (version) =>
          updateClaim(reviewer, c.id, {
            version,
            verdict: "disputed",
            rationale: "<p>O’Brien’s “figure” \\ was 3.4%</p>",
            speaker: "Jens Stoltenberg",
            firstAppearanceUrl: "https://example.org/first",
            firstAppearanceDate: "2023-01-30",
          }),
      ],
      ["claim.update", (version) => updateClaim(reviewer, c.id, { version, speaker: "" })],
      ["claim.delete", (version) => deleteClaim(reviewer, c.id, version)],
      ["claim.restore", (version) => restoreClaim(reviewer, c.id, version)],
    ];
    let version = c.version;
    for (const [action, step] of steps) {
      const answered = await step(version);
      const row = await readBack();
      expect(answered).toEqual(toClaimDto(row, reviewer));
      expect(answered.version).toBe(version + 1);
      expect(answered.evidenceCount).toBe(1);
      const audit = await lastAudit();
      expect(audit).toMatchObject({ action, actorId: desk.reviewer.id, teamId: desk.team.id, objectType: "annotation" });
      expect(audit.after).toEqual(json(row));
      expect(audit.before).toEqual(previous);
      expect(audit.createdAt.getTime()).toBe(row.updatedAt.getTime());
      previous = json(row);
      version = answered.version;
    }
    expect((await readBack()).rationaleHtml).toBe("<p>O’Brien’s “figure” \\ was 3.4%</p>");
    expect((await readBack()).speaker).toBeNull();
  });

  it("lets exactly one of eight concurrent writers win, and audits that one", async () => {
    const c = await createClaim(desk.reviewer, desk.article.id, freshWords("unsourced"));
    const [editor, reviewer] = [await viewerOf(desk.editor), await viewerOf(desk.reviewer)];
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        code(updateClaim(i % 2 ? editor : reviewer, c.id, { version: c.version, rationale: `<p>writer ${i}</p>` })),
      ),
    );
    expect(results.filter((r) => r === "ok")).toHaveLength(1);
    expect(results.filter((r) => r === "409:")).toHaveLength(7);
    const row = await db.annotation.findUniqueOrThrow({ where: { id: c.id } });
    expect(row.version).toBe(c.version + 1);
    const audits = await db.auditEvent.findMany({ where: { objectId: c.id, action: "claim.update" } });
    expect(audits).toHaveLength(1);
    expect((audits[0]!.after as { rationaleHtml: string }).rationaleHtml).toBe(row.rationaleHtml);
  });

  it("lets exactly one of two concurrent writers win", async () => {
    const c = await createClaim(desk.reviewer, desk.article.id, freshWords("unsourced"));
    const results = await Promise.all([
      code(updateClaim(await viewerOf(desk.editor), c.id, { version: c.version, verdict: "verified" })),
      code(updateClaim(await viewerOf(desk.reviewer), c.id, { version: c.version, verdict: "disputed" })),
    ]);
    expect(results.sort()).toEqual(["409:", "ok"]);
  });
});
