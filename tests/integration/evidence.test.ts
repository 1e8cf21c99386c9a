import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createEvidenceSchema, type CreateEvidenceInput } from "@/lib/schemas/evidence";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { updateEvidence } from "@/lib/server/evidence/update-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { listClaimEvidence } from "@/lib/server/evidence/list-claim-evidence";
import { updateEvidenceLink } from "@/lib/server/evidence/update-evidence-link";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";
import { createArticle, createTeam } from "@/seeds/factories";
import { createClaimOnPhrase } from "@/seeds/evidence-factories";
import { seedArticles } from "@/seeds/demo";
import { demoEvidence, seedDemoEvidence } from "@/seeds/demo-evidence";
import { makeDesk, makeMember } from "../support/actors";
import { errorCode } from "../support/error-code";

const code = errorCode;
const input = (v: Record<string, unknown>): CreateEvidenceInput => createEvidenceSchema.parse({ kind: "web_source", ...v });

const TEXT = "Stoltenberg said the summit was held in Madrid in July last year.\nPoland bought hundreds of tanks.";
let desk: Awaited<ReturnType<typeof makeDesk>>;
let other: Awaited<ReturnType<typeof makeDesk>>;
let claim: { id: string };
beforeAll(async () => {
  desk = await makeDesk(db, TEXT);
  other = await makeDesk(db);
  await db.article.update({ where: { id: desk.article.id }, data: { publishedDate: "2023-01-29" } });
  claim = await createClaimOnPhrase(db, { team: desk.team, version: desk.version, authorId: desk.reviewer.id, phrase: "the summit was held in Madrid in July last year", verdict: "disputed" });
});

describe("searching the library", () => {
  it("matches every word in title, publisher, URL or quote, ignoring case, on this database", async () => {
    const a = await createEvidence(desk.editor, input({ title: "Łódź DEFENCE Expo", publisher: "Polska Zbrojna", url: "https://example.org/K2-Tanks" }));
    const b = await createEvidence(desk.editor, input({ title: "Yonhap report", quote: "Poland signs for 50% more K9 howitzers" }));
    await createEvidence(other.editor, input({ title: "Łódź defence expo (other desk)" }));
    const ids = async (q: string, kind?: "web_source" | "dated_fact") => (await listEvidence(desk.editor, { q, kind })).map((e) => e.id);

    expect(await ids("łÓDŹ")).toEqual([a.id]);
    expect(await ids("zbrojna defence")).toEqual([a.id]);
    expect(await ids("k2-tanks")).toEqual([a.id]);
    expect(await ids("50% k9")).toEqual([b.id]);
    // LIKE wildcards in a query are literal characters, not patterns.
    expect(await ids("5_%")).toEqual([]);
    expect(await ids("howitzers", "dated_fact")).toEqual([]);
    expect(await ids("nothing-like-this")).toEqual([]);
  });

  it("filters by kind and leaves tombstones out", async () => {
    const fact = await createEvidence(desk.editor, input({ kind: "dated_fact", title: "Kind filter fact", date: "2022-06" }));
    const gone = await createEvidence(desk.editor, input({ kind: "dated_fact", title: "Kind filter gone", date: "2022" }));
    await deleteEvidence(desk.editor, gone.id, gone.version);
    const facts = await listEvidence(desk.editor, { q: "kind filter", kind: "dated_fact" });
    expect(facts.map((e) => [e.id, e.datePrecision])).toEqual([[fact.id, "month"]]);
  });
});

describe("items", () => {
  it("stores an interval with its precision and the dated fact's sources", async () => {
    const src = await createEvidence(desk.editor, input({ title: "NATO release", url: "https://www.nato.int/x" }));
    const fact = await createEvidence(desk.reviewer, input({ kind: "dated_fact", title: "Summit", date: "2022-06-28/2022-06-30", sourceIds: [src.id] }));
    const row = await db.evidenceItem.findUniqueOrThrow({ where: { id: fact.id }, include: { sources: true } });
    expect([row.dateStart, row.dateEnd, row.datePrecision, row.createdById]).toEqual(["2022-06-28", "2022-06-30", "day", desk.reviewer.id]);
    expect(row.sources.map((s) => s.id)).toEqual([src.id]);
    expect((await getEvidence(desk.editor, src.id)).facts.map((f) => f.id)).toEqual([fact.id]);
    // Another team's item is not a source this desk can cite.
    const theirs = await createEvidence(other.editor, input({ title: "Theirs" }));
    expect(await code(createEvidence(desk.editor, input({ kind: "dated_fact", title: "X", date: "2022", sourceIds: [theirs.id] })))).toBe("400:sourceIds");
  });

  it("checks the merged item on update, and refuses a stale version with the current state", async () => {
    const item = await createEvidence(desk.editor, input({ title: "Editable" }));
    expect(await code(updateEvidence(desk.editor, item.id, { version: item.version, kind: "dated_fact" }))).toBe("400:date");
    const v2 = await updateEvidence(desk.editor, item.id, { version: item.version, kind: "dated_fact", date: "2022-11/2022-12-22" });
    expect([v2.version, v2.date, v2.datePrecision]).toEqual([2, "2022-11/2022-12-22", "month"]);
    try {
      await updateEvidence(desk.editor, item.id, { version: item.version, title: "Stale" });
      expect.unreachable();
    } catch (e) {
      expect((e as AppError).status).toBe(409);
      expect(((e as AppError).current as { title: string }).title).toBe("Editable");
    }
    expect((await db.evidenceItem.findUniqueOrThrow({ where: { id: item.id } })).title).toBe("Editable");
    // A reviewer edits only what they made; editors curate everything.
    expect(await code(updateEvidence(desk.reviewer, item.id, { version: 2, title: "Mine now" }))).toBe("403:");
  });
});

describe("links and tombstones", () => {
  it("attaches an item with a stance, lists it with a date hint, and keeps a tombstone that the claim still shows", async () => {
    const fact = await createEvidence(desk.editor, input({ kind: "dated_fact", title: "NATO Madrid Summit, 28-30 June 2022", date: "2022-06-28/2022-06-30" }));
    const link = await linkEvidence(desk.reviewer, claim.id, { evidenceId: fact.id, stance: "contradicts", pinpoint: "leaders met on 29-30 June" });
    expect(await code(linkEvidence(desk.reviewer, claim.id, { evidenceId: fact.id, stance: "supports" }))).toBe("400:evidenceId");

    const listed = await listClaimEvidence(desk.reviewer, claim.id);
    expect(listed.links.map((l) => [l.id, l.stance, l.pinpoint])).toEqual([[link.id, "contradicts", "leaders met on 29-30 June"]]);
    expect(listed.hints.map((h) => h.message)).toEqual(["Evidence dates “NATO Madrid Summit” 28–30 June 2022; the claim says July 2022."]);

    const deleted = await deleteEvidence(desk.editor, fact.id, fact.version);
    expect(deleted.evidence.deletedAt).not.toBeNull();
    expect(deleted.usedIn.map((u) => [u.claimId, u.articleTitle, u.stance])).toEqual([[claim.id, "Test article", "contradicts"]]);
    expect(await db.evidenceItem.count({ where: { id: fact.id } })).toBe(1);
    const after = await listClaimEvidence(desk.reviewer, claim.id);
    expect(after.links.map((l) => [l.evidence.id, !!l.evidence.deletedAt])).toEqual([[fact.id, true]]);
    expect((await getEvidence(desk.reviewer, fact.id)).deletedAt).not.toBeNull();
    // A tombstone can be neither attached again nor edited.
    const claim2 = await createClaimOnPhrase(db, { team: desk.team, version: desk.version, authorId: desk.reviewer.id, phrase: "hundreds of tanks", verdict: "verified" });
    expect(await code(linkEvidence(desk.reviewer, claim2.id, { evidenceId: fact.id, stance: "supports" }))).toBe("400:evidenceId");
    expect(await code(updateEvidence(desk.editor, fact.id, { version: deleted.evidence.version, title: "Back" }))).toBe("403:");
  });

  it("creates and attaches a new item in one step; changes and detaches a link by version", async () => {
    const link = await linkEvidence(desk.reviewer, claim.id, { stance: "context", evidence: input({ title: "Inline interview", kind: "interview" }) });
    expect(link.evidence.title).toBe("Inline interview");
    expect(await db.evidenceItem.count({ where: { id: link.evidence.id, teamId: desk.team.id, createdById: desk.reviewer.id } })).toBe(1);
    const changed = await updateEvidenceLink(desk.reviewer, link.id, { version: link.version, stance: "supports" });
    expect(changed.stance).toBe("supports");
    expect(await code(updateEvidenceLink(desk.reviewer, link.id, { version: link.version, stance: "contradicts" }))).toBe("409:");
    await unlinkEvidence(desk.reviewer, link.id, changed.version);
    expect((await listClaimEvidence(desk.reviewer, claim.id)).links.map((l) => l.id)).not.toContain(link.id);
    expect((await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } })).deletedAt).not.toBeNull();
  });

  it("never crosses teams, and only whoever may edit the claim changes its evidence", async () => {
    const mine = await createEvidence(desk.editor, input({ title: "Desk only" }));
    const theirClaim = await createClaimOnPhrase(db, { team: other.team, version: other.version, authorId: other.editor.id, phrase: "Stoltenberg met Yoon", verdict: "verified" });
    const theirItem = await createEvidence(other.editor, input({ title: "Other only" }));
    expect(await code(getEvidence(other.editor, mine.id))).toBe("404:");
    expect(await code(updateEvidence(other.editor, mine.id, { version: 1, title: "x" }))).toBe("404:");
    expect(await code(deleteEvidence(other.editor, mine.id, 1))).toBe("404:");
    expect(await code(linkEvidence(other.editor, theirClaim.id, { evidenceId: mine.id, stance: "supports" }))).toBe("404:");
    expect(await code(linkEvidence(desk.editor, claim.id, { evidenceId: theirItem.id, stance: "supports" }))).toBe("404:");
    expect(await code(linkEvidence(desk.editor, theirClaim.id, { evidenceId: mine.id, stance: "supports" }))).toBe("404:");
    expect(await code(listClaimEvidence(desk.editor, theirClaim.id))).toBe("404:");
    const link = await linkEvidence(desk.reviewer, claim.id, { evidenceId: mine.id, stance: "supports" });
    expect(await code(updateEvidenceLink(other.editor, link.id, { version: 1, stance: "context" }))).toBe("404:");
    expect(await code(unlinkEvidence(other.editor, link.id, 1))).toBe("404:");
    // reviewer2 did not write the claim: 403, while the team's editor may.
    const another = await createEvidence(desk.reviewer2, input({ title: "Reviewer two's source" }));
    expect(await code(linkEvidence(desk.reviewer2, claim.id, { evidenceId: another.id, stance: "supports" }))).toBe("403:");
    expect(await code(linkEvidence(desk.editor, claim.id, { evidenceId: another.id, stance: "supports" }))).toBe("ok");
  });

  it("lists where an item is used, across articles", async () => {
    const item = await createEvidence(desk.editor, input({ title: "Shared source" }));
    const second = await createArticle(db, { team: desk.team, text: "Poland signed a huge sales contract.", meta: { title: "Second article" } });
    const c2 = await createClaimOnPhrase(db, { team: desk.team, version: { ...second.versions[0]!, articleId: second.id }, authorId: desk.editor.id, phrase: "huge sales contract", verdict: "verified" });
    await linkEvidence(desk.editor, claim.id, { evidenceId: item.id, stance: "context" });
    await linkEvidence(desk.editor, c2.id, { evidenceId: item.id, stance: "supports" });
    const { usedIn, useCount } = await getEvidence(desk.reviewer, item.id);
    expect(useCount).toBe(2);
    expect(usedIn.map((u) => [u.articleTitle, u.exact, u.stance])).toEqual([
      ["Second article", "huge sales contract", "supports"],
      ["Test article", "the summit was held in Madrid in July last year", "context"],
    ]);
  });
});

describe("the demo library", () => {
  it("seeds sources and dated facts from evidence.json with demo claims, and a second run changes nothing", async () => {
    const team = await createTeam(db);
    await makeMember(db, team, "editor");
    for (const { stem, raw, meta } of seedArticles()) await createArticle(db, { team, text: raw, meta, sourceRef: `seed:${stem}` });
    const first = await seedDemoEvidence(db, team);
    const counts = async () => [await db.evidenceItem.count({ where: { teamId: team.id } }), await db.annotation.count({ where: { teamId: team.id } }), await db.evidenceLink.count({ where: { teamId: team.id } })];
    const once = await counts();
    const entries = demoEvidence();
    const items = entries.length + new Set(entries.flatMap((e) => e.sources.map((s) => s.url))).size;
    expect(once).toEqual([items, 6, 6]);
    expect(first.created).toBe(items + 6);
    expect(await seedDemoEvidence(db, team)).toEqual({ created: 0 });
    expect(await counts()).toEqual(once);

    const dprk = await db.evidenceItem.findUniqueOrThrow({ where: { teamId_seedKey: { teamId: team.id, seedKey: "fact:dprk-arms-to-wagner-2022" } }, include: { sources: true } });
    expect([dprk.kind, dprk.dateStart, dprk.dateEnd, dprk.datePrecision, dprk.sources.length]).toEqual(["dated_fact", "2022-11", "2022-12-22", "month", 2]);
    const deal = await db.evidenceItem.findUniqueOrThrow({ where: { teamId_seedKey: { teamId: team.id, seedKey: "fact:poland-korea-arms-deal-2022" } } });
    const editor = await db.membership.findFirstOrThrow({ where: { teamId: team.id } });
    const usage = await getEvidence({ id: editor.userId, email: "", name: null, teamId: team.id, teamName: team.name, role: "editor", teams: [] }, deal.id);
    expect(new Set(usage.usedIn.map((u) => u.articleId)).size).toBe(2);
    expect(usage.usedIn.map((u) => u.exact)).toContain("hundreds of tanks, fighter jets and weapons to NATO member Poland");
  });
});
