import { beforeAll, describe, expect, it } from "vitest";
import { databaseKind } from "@/lib/db/database-url";
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
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";
import { createArticle, createTeam } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceLink } from "@/seeds/evidence-factories";
import { annotateInRound, decideForTest, deskRound, revealForTest, submitInRound } from "@/seeds/review-factories";
import { seedArticles } from "@/seeds/demo";
import { demoEvidence, seedDemoEvidence } from "@/seeds/demo-evidence";
import { makeDesk, makeMember } from "../support/actors";
import { conflictCurrent, errorCode } from "../support/error-code";
import { ONE_MESSAGE, transactionMessages } from "../support/pg-messages";
import { loadVisibility, viewerOf } from "@/lib/server/visibility/viewer";

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
  claim = await createClaimOnPhrase(db, {
    team: desk.team,
    version: desk.version,
    authorId: desk.reviewer.id,
    phrase: "the summit was held in Madrid in July last year",
    verdict: "disputed",
  });
});

describe("searching the library", () => {
  it("matches every word in title, publisher, URL or quote, ignoring case, on this database", async () => {
    const a = await createEvidence(
      await viewerOf(desk.editor),
      input({ title: "Łódź DEFENCE Expo", publisher: "Polska Zbrojna", url: "https://example.org/K2-Tanks" }),
    );
    const b = await createEvidence(
      await viewerOf(desk.editor),
      input({ title: "Yonhap report", quote: "Poland signs for 50% more K9 howitzers" }),
    );
    await createEvidence(await viewerOf(other.editor), input({ title: "Łódź defence expo (other desk)" }));
    const ids = async (q: string, kind?: "web_source" | "dated_fact") =>
      (await listEvidence(await viewerOf(desk.editor), { q, kind })).map((e) => e.id);

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
    const fact = await createEvidence(
      await viewerOf(desk.editor),
      input({ kind: "dated_fact", title: "Kind filter fact", date: "2022-06" }),
    );
    const gone = await createEvidence(await viewerOf(desk.editor), input({ kind: "dated_fact", title: "Kind filter gone", date: "2022" }));
    await deleteEvidence(await viewerOf(desk.editor), gone.id, gone.version);
    const facts = await listEvidence(await viewerOf(desk.editor), { q: "kind filter", kind: "dated_fact" });
    expect(facts.map((e) => [e.id, e.datePrecision])).toEqual([[fact.id, "month"]]);
  });
});

describe("items", () => {
  it("stores an interval with its precision and the dated fact's sources", async () => {
    const src = await createEvidence(await viewerOf(desk.editor), input({ title: "NATO release", url: "https://www.nato.int/x" }));
    const fact = await createEvidence(
      await viewerOf(desk.reviewer),
      input({ kind: "dated_fact", title: "Summit", date: "2022-06-28/2022-06-30", sourceIds: [src.id] }),
    );
    const row = await db.evidenceItem.findUniqueOrThrow({ where: { id: fact.id }, include: { sources: true } });
    expect([row.dateStart, row.dateEnd, row.datePrecision, row.createdById]).toEqual(["2022-06-28", "2022-06-30", "day", desk.reviewer.id]);
    expect(row.sources.map((s) => s.id)).toEqual([src.id]);
    expect((await getEvidence(await viewerOf(desk.editor), src.id)).facts.map((f) => f.id)).toEqual([fact.id]);
    // Another team's item is not a source this desk can cite.
    const theirs = await createEvidence(await viewerOf(other.editor), input({ title: "Theirs" }));
    expect(
      await code(
        createEvidence(await viewerOf(desk.editor), input({ kind: "dated_fact", title: "X", date: "2022", sourceIds: [theirs.id] })),
      ),
    ).toBe("400:sourceIds");
  });

  it("checks the merged item on update, and refuses a stale version with the current state", async () => {
    const item = await createEvidence(await viewerOf(desk.editor), input({ title: "Editable" }));
    expect(await code(updateEvidence(await viewerOf(desk.editor), item.id, { version: item.version, kind: "dated_fact" }))).toBe(
      "400:date",
    );
    const v2 = await updateEvidence(await viewerOf(desk.editor), item.id, {
      version: item.version,
      kind: "dated_fact",
      date: "2022-11/2022-12-22",
    });
    expect([v2.version, v2.date, v2.datePrecision]).toEqual([2, "2022-11/2022-12-22", "month"]);
    expect(
      await conflictCurrent(updateEvidence(await viewerOf(desk.editor), item.id, { version: item.version, title: "Stale" })),
    ).toMatchObject({
      title: "Editable",
    });
    expect((await db.evidenceItem.findUniqueOrThrow({ where: { id: item.id } })).title).toBe("Editable");
    // A reviewer edits only what they made; editors curate everything.
    expect(await code(updateEvidence(await viewerOf(desk.reviewer), item.id, { version: 2, title: "Mine now" }))).toBe("403:");
  });
});

describe("links and tombstones", () => {
  /** The reviewer's verified claim on "hundreds of tanks". */
  const tanksClaim = () =>
    createClaimOnPhrase(db, {
      team: desk.team,
      version: desk.version,
      authorId: desk.reviewer.id,
      phrase: "hundreds of tanks",
      verdict: "verified",
    });

  it("attaches an item with a stance, lists it with a date hint, and keeps a tombstone that the claim still shows", async () => {
    const fact = await createEvidence(
      await viewerOf(desk.editor),
      input({ kind: "dated_fact", title: "NATO Madrid Summit, 28-30 June 2022", date: "2022-06-28/2022-06-30" }),
    );
    const link = await linkEvidence(await viewerOf(desk.reviewer), claim.id, {
      evidenceId: fact.id,
      stance: "contradicts",
      pinpoint: "leaders met on 29-30 June",
    });
    expect(await code(linkEvidence(await viewerOf(desk.reviewer), claim.id, { evidenceId: fact.id, stance: "supports" }))).toBe("409:");

    const listed = await listClaimEvidence(await viewerOf(desk.reviewer), claim.id);
    expect(listed.links.map((l) => [l.id, l.stance, l.pinpoint])).toEqual([[link.id, "contradicts", "leaders met on 29-30 June"]]);
    expect(listed.hints.map((h) => h.message)).toEqual(["Evidence dates “NATO Madrid Summit” 28–30 June 2022; the claim says July 2022."]);

    const deleted = await deleteEvidence(await viewerOf(desk.editor), fact.id, fact.version);
    expect(deleted.evidence.deletedAt).not.toBeNull();
    expect(deleted.usedIn.map((u) => [u.claimId, u.articleTitle, u.stance])).toEqual([[claim.id, "Test article", "contradicts"]]);
    expect(await db.evidenceItem.count({ where: { id: fact.id } })).toBe(1);
    const after = await listClaimEvidence(await viewerOf(desk.reviewer), claim.id);
    expect(after.links.map((l) => [l.evidence.id, !!l.evidence.deletedAt])).toEqual([[fact.id, true]]);
    expect((await getEvidence(await viewerOf(desk.reviewer), fact.id)).deletedAt).not.toBeNull();
    // A tombstone can be neither attached again nor edited.
    const claim2 = await tanksClaim();
    expect(await code(linkEvidence(await viewerOf(desk.reviewer), claim2.id, { evidenceId: fact.id, stance: "supports" }))).toBe(
      "400:evidenceId",
    );
    // The tombstone is gone, which no permission changes: 409 saying so, with the tombstone, for editing and deleting again.
    expect(await code(updateEvidence(await viewerOf(desk.editor), fact.id, { version: deleted.evidence.version, title: "Back" }))).toBe(
      "409:",
    );
    const again = await deleteEvidence(await viewerOf(desk.editor), fact.id, deleted.evidence.version).catch((e: AppError) => e);
    expect(again).toBeInstanceOf(AppError);
    expect([
      (again as AppError).status,
      (again as AppError).message,
      ((again as AppError).current as { deletedAt: string | null }).deletedAt,
    ]).toEqual([409, "This item is already deleted from the library.", deleted.evidence.deletedAt]);
    expect((await db.evidenceItem.findUniqueOrThrow({ where: { id: fact.id } })).version).toBe(deleted.evidence.version);
  });

  it("writes the link and its audit row as the app reads them back, and answers with the link as the claim lists it", async () => {
    const item = await createEvidence(await viewerOf(desk.editor), input({ title: "Yonhap: tanks for Poland", quote: "180 K2 tanks" }));
    const target = await tanksClaim();
    const link = await linkEvidence(await viewerOf(desk.reviewer), target.id, {
      evidenceId: item.id,
      stance: "supports",
      pinpoint: "second paragraph, with 'quotes' and a \\ backslash",
    });
    const row = await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } });
    const written = {
      teamId: desk.team.id,
      evidenceId: item.id,
      annotationId: target.id,
      stance: "supports",
      pinpoint: "second paragraph, with 'quotes' and a \\ backslash",
      createdById: desk.reviewer.id,
    };
    expect(row).toEqual({ id: link.id, ...written, claimId: null, version: 1, createdAt: new Date(link.createdAt), deletedAt: null });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: link.id } });
    expect(audit).toMatchObject({ teamId: desk.team.id, actorId: desk.reviewer.id, action: "evidence.link", objectType: "evidence_link" });
    expect([audit.before, audit.after, audit.createdAt]).toEqual([null, written, row.createdAt]);
    const listed = await listClaimEvidence(await viewerOf(desk.reviewer), target.id);
    expect(listed.links).toEqual([link]);
    expect(link.evidence.useCount).toBe(1);
  });

  it.runIf(databaseKind(process.env.DATABASE_URL!) === "postgres")(
    "(PostgreSQL) attaches in one message to the database: the item's lock, then the checked insert with its audit row",
    async () => {
      // The first attach on a connection prepares its statements; the pool may hand out any connection, so prepare on each.
      const editor = await viewerOf(desk.editor);
      const items = await Promise.all(Array.from({ length: 5 }, (_, i) => createEvidence(editor, input({ title: `One message ${i}` }))));
      const target = await tanksClaim();
      await Promise.all(
        items
          .slice(1)
          .map(async (item) => linkEvidence(await viewerOf(desk.reviewer), target.id, { evidenceId: item.id, stance: "context" })),
      );
      const viewer = await viewerOf(desk.reviewer);
      const { result: link, messages } = await transactionMessages(() =>
        linkEvidence(viewer, target.id, { evidenceId: items[0]!.id, stance: "supports", pinpoint: "p. 4" }),
      );
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatch(ONE_MESSAGE);
      expect(messages[0]).toContain(`'${link.id}'`);
      const audit = await db.auditEvent.findFirstOrThrow({ where: { objectId: link.id, action: "evidence.link" } });
      expect(audit.after).toMatchObject({ evidenceId: items[0]!.id, annotationId: target.id, stance: "supports", pinpoint: "p. 4" });
      expect((await listClaimEvidence(viewer, target.id)).links.find((l) => l.id === link.id)).toEqual(link);
    },
  );

  it("of two concurrent attaches of one item to one claim, one wins and the other gets 409", async () => {
    for (let i = 0; i < 4; i++) {
      const item = await createEvidence(await viewerOf(desk.editor), input({ title: `Raced source ${i}` }));
      const target = await tanksClaim();
      const codes = await Promise.all([
        code(linkEvidence(await viewerOf(desk.reviewer), target.id, { evidenceId: item.id, stance: "supports" })),
        code(linkEvidence(await viewerOf(desk.editor), target.id, { evidenceId: item.id, stance: "context" })),
      ]);
      expect(codes.sort()).toEqual(["409:", "ok"]);
      expect(await db.evidenceLink.count({ where: { annotationId: target.id, deletedAt: null } })).toBe(1);
    }
  });

  it("an attach racing a delete either fails or is listed by the delete: never a silent link to a tombstone", async () => {
    for (let i = 0; i < 4; i++) {
      const item = await createEvidence(await viewerOf(desk.editor), input({ title: `Deleted while attaching ${i}` }));
      const target = await tanksClaim();
      const [attached, deleted] = await Promise.all([
        linkEvidence(await viewerOf(desk.reviewer), target.id, { evidenceId: item.id, stance: "supports" }).catch((e: AppError) => e),
        deleteEvidence(await viewerOf(desk.editor), item.id, item.version),
      ]);
      const links = await db.evidenceLink.findMany({ where: { evidenceId: item.id, deletedAt: null } });
      if (attached instanceof AppError) {
        expect(`${attached.status}:${attached.field}`).toBe("400:evidenceId");
        expect(links).toEqual([]);
      } else {
        expect(deleted.usedIn.map((u) => u.linkId)).toEqual([attached.id]);
      }
    }
  });

  it("creates and attaches a new item in one step; changes and detaches a link by version", async () => {
    const link = await linkEvidence(await viewerOf(desk.reviewer), claim.id, {
      stance: "context",
      evidence: input({ title: "Inline interview", kind: "interview" }),
    });
    expect(link.evidence.title).toBe("Inline interview");
    expect(await db.evidenceItem.count({ where: { id: link.evidence.id, teamId: desk.team.id, createdById: desk.reviewer.id } })).toBe(1);
    // The answer is the link as the claim's evidence lists it.
    expect((await listClaimEvidence(await viewerOf(desk.reviewer), claim.id)).links.find((l) => l.id === link.id)).toEqual(link);
    const changed = await updateEvidenceLink(await viewerOf(desk.reviewer), link.id, { version: link.version, stance: "supports" });
    expect(changed.stance).toBe("supports");
    expect(await code(updateEvidenceLink(await viewerOf(desk.reviewer), link.id, { version: link.version, stance: "contradicts" }))).toBe(
      "409:",
    );
    await unlinkEvidence(await viewerOf(desk.reviewer), link.id, changed.version);
    expect((await listClaimEvidence(await viewerOf(desk.reviewer), claim.id)).links.map((l) => l.id)).not.toContain(link.id);
    expect((await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } })).deletedAt).not.toBeNull();
  });

  it("never crosses teams, and only whoever may edit the claim changes its evidence", async () => {
    const mine = await createEvidence(await viewerOf(desk.editor), input({ title: "Desk only" }));
    const theirClaim = await createClaimOnPhrase(db, {
      team: other.team,
      version: other.version,
      authorId: other.editor.id,
      phrase: "Stoltenberg met Yoon",
      verdict: "verified",
    });
    const theirItem = await createEvidence(await viewerOf(other.editor), input({ title: "Other only" }));
    expect(await code(getEvidence(await viewerOf(other.editor), mine.id))).toBe("404:");
    expect(await code(updateEvidence(await viewerOf(other.editor), mine.id, { version: 1, title: "x" }))).toBe("404:");
    expect(await code(deleteEvidence(await viewerOf(other.editor), mine.id, 1))).toBe("404:");
    expect(await code(linkEvidence(await viewerOf(other.editor), theirClaim.id, { evidenceId: mine.id, stance: "supports" }))).toBe("404:");
    expect(await code(linkEvidence(await viewerOf(desk.editor), claim.id, { evidenceId: theirItem.id, stance: "supports" }))).toBe("404:");
    expect(await code(linkEvidence(await viewerOf(desk.editor), theirClaim.id, { evidenceId: mine.id, stance: "supports" }))).toBe("404:");
    expect(await code(listClaimEvidence(await viewerOf(desk.editor), theirClaim.id))).toBe("404:");
    const link = await linkEvidence(await viewerOf(desk.reviewer), claim.id, { evidenceId: mine.id, stance: "supports" });
    expect(await code(updateEvidenceLink(await viewerOf(other.editor), link.id, { version: 1, stance: "context" }))).toBe("404:");
    expect(await code(unlinkEvidence(await viewerOf(other.editor), link.id, 1))).toBe("404:");
    // A reviewer who did not write the claim may neither re-weigh nor detach its evidence (lib/policies/evidence.ts, canLinkEvidence).
    expect(await code(updateEvidenceLink(await viewerOf(desk.reviewer2), link.id, { version: link.version, stance: "contradicts" }))).toBe(
      "403:",
    );
    expect(await code(unlinkEvidence(await viewerOf(desk.reviewer2), link.id, link.version))).toBe("403:");
    const untouched = await db.evidenceLink.findUniqueOrThrow({ where: { id: link.id } });
    expect([untouched.stance, untouched.version, untouched.deletedAt]).toEqual(["supports", link.version, null]);
    // reviewer2 did not write the claim: 403, while the team's editor may.
    const another = await createEvidence(await viewerOf(desk.reviewer2), input({ title: "Reviewer two's source" }));
    expect(await code(linkEvidence(await viewerOf(desk.reviewer2), claim.id, { evidenceId: another.id, stance: "supports" }))).toBe("403:");
    expect(await code(linkEvidence(await viewerOf(desk.editor), claim.id, { evidenceId: another.id, stance: "supports" }))).toBe("ok");
  });

  it("lists where an item is used, across articles", async () => {
    const item = await createEvidence(await viewerOf(desk.editor), input({ title: "Shared source" }));
    const second = await createArticle(db, {
      team: desk.team,
      text: "Poland signed a huge sales contract.",
      meta: { title: "Second article" },
    });
    const c2 = await createClaimOnPhrase(db, {
      team: desk.team,
      version: { ...second.versions[0]!, articleId: second.id },
      authorId: desk.editor.id,
      phrase: "huge sales contract",
      verdict: "verified",
    });
    await linkEvidence(await viewerOf(desk.editor), claim.id, { evidenceId: item.id, stance: "context" });
    await linkEvidence(await viewerOf(desk.editor), c2.id, { evidenceId: item.id, stance: "supports" });
    const { usedIn, useCount } = await getEvidence(await viewerOf(desk.reviewer), item.id);
    expect(useCount).toBe(2);
    expect(usedIn.map((u) => [u.articleTitle, u.exact, u.stance])).toEqual([
      ["Second article", "huge sales contract", "supports"],
      ["Test article", "the summit was held in Madrid in July last year", "context"],
    ]);
  });
});

describe("final claims of review rounds", () => {
  it("count and list as uses of the item; deleting it leaves a tombstone the final claim still shows", async () => {
    const d = await makeDesk(db, "Leaders met at the NATO summit in Madrid in June 2022.\nPoland bought tanks.");
    const version = { ...d.version, articleId: d.article.id };
    const fact = await createEvidence(
      await viewerOf(d.editor),
      input({ kind: "dated_fact", title: "NATO Madrid Summit", date: "2022-06-28/2022-06-30" }),
    );
    const round = await deskRound(db, { team: d.team, version, editor: d.editor, reviewers: [d.reviewer, d.reviewer2] });
    const cited = await annotateInRound(db, {
      team: d.team,
      roundId: round.id,
      version,
      authorId: d.reviewer.id,
      phrase: "in Madrid in June 2022",
      verdict: "verified",
    });
    await annotateInRound(db, {
      team: d.team,
      roundId: round.id,
      version,
      authorId: d.reviewer2.id,
      phrase: "in Madrid in June 2022",
      verdict: "verified",
    });
    await createEvidenceLink(db, { team: d.team, evidenceId: fact.id, claimId: cited.id, stance: "supports", pinpoint: "28-30 June" });
    for (const r of [d.reviewer, d.reviewer2]) await submitInRound(db, round.id, r.id);
    const [cluster] = await revealForTest(db, { id: round.id, teamId: d.team.id }, d.editor.id);
    await decideForTest(db, {
      team: d.team,
      cluster: cluster!,
      version,
      deciderId: d.editor.id,
      action: "accept",
      boundary: "union",
      span: { start: cluster!.start, end: cluster!.end },
      verdict: "verified",
    });
    const final = await db.claim.findFirstOrThrow({ where: { teamId: d.team.id, clusterId: cluster!.id } });
    expect(await db.evidenceLink.count({ where: { claimId: final.id, evidenceId: fact.id, deletedAt: null } })).toBe(1);

    // Both the reviewer's annotation and the final claim cite the item.
    const both = await getEvidence(await viewerOf(d.editor), fact.id);
    expect(both.useCount).toBe(2);
    expect(both.usedIn.map((u) => u.claimId).sort()).toEqual([cited.id, final.id].sort());
    // With the annotation's link gone, the final claim alone still counts and shows.
    await db.evidenceLink.updateMany({ where: { annotationId: cited.id }, data: { deletedAt: new Date() } });
    const use = {
      claimId: final.id,
      articleId: d.article.id,
      articleTitle: "Test article",
      exact: "in Madrid in June 2022",
      verdict: "verified",
      stance: "supports",
      pinpoint: "28-30 June",
    };
    const alone = await getEvidence(await viewerOf(d.editor), fact.id);
    expect([alone.useCount, alone.usedIn.map(({ linkId: _l, ...u }) => u)]).toEqual([1, [use]]);
    expect((await listEvidence(await viewerOf(d.editor), { q: "nato madrid" })).map((e) => e.useCount)).toEqual([1]);

    // Deleting shows where it is used, and the final claim keeps the item, marked deleted.
    const deleted = await deleteEvidence(await viewerOf(d.editor), fact.id, fact.version);
    expect(deleted.usedIn.map((u) => u.claimId)).toEqual([final.id]);
    const [shown] = await listFinalClaims(await loadVisibility(d.editor), d.article.id);
    expect([shown!.id, shown!.evidence.map((e) => [e.evidence.id, e.stance, e.evidence.deleted])]).toEqual([
      final.id,
      [[fact.id, "supports", true]],
    ]);

    // A link row of another team (which the app never makes) is not this team's use.
    const stranger = await makeDesk(db, "Leaders met in Madrid.");
    const theirs = await db.claim.create({
      data: {
        teamId: stranger.team.id,
        articleId: stranger.article.id,
        versionId: stranger.version.id,
        start: 0,
        end: 7,
        exact: "Leaders",
        prefix: "",
        suffix: "",
        verdict: "verified",
      },
    });
    await db.evidenceLink.create({ data: { teamId: stranger.team.id, evidenceId: fact.id, claimId: theirs.id, stance: "supports" } });
    // A tombstoned final claim (a retracted decision) is no longer a use.
    await db.claim.update({ where: { id: final.id }, data: { deletedAt: new Date() } });
    const retracted = await getEvidence(await viewerOf(d.editor), fact.id);
    expect([retracted.useCount, retracted.usedIn]).toEqual([0, []]);
  });
});

describe("the demo library", () => {
  it("seeds sources and dated facts from evidence.json with demo claims, and a second run changes nothing", async () => {
    const team = await createTeam(db);
    await makeMember(db, team, "editor");
    for (const { stem, raw, meta } of seedArticles()) await createArticle(db, { team, text: raw, meta, sourceRef: `seed:${stem}` });
    const first = await seedDemoEvidence(db, team);
    const counts = async () => [
      await db.evidenceItem.count({ where: { teamId: team.id } }),
      await db.annotation.count({ where: { teamId: team.id } }),
      await db.evidenceLink.count({ where: { teamId: team.id } }),
    ];
    const once = await counts();
    const entries = demoEvidence();
    const items = entries.length + new Set(entries.flatMap((e) => e.sources.map((s) => s.url))).size;
    expect(once).toEqual([items, 6, 6]);
    expect(first.created).toBe(items + 6);
    expect(await seedDemoEvidence(db, team)).toEqual({ created: 0 });
    expect(await counts()).toEqual(once);

    const dprk = await db.evidenceItem.findUniqueOrThrow({
      where: { teamId_seedKey: { teamId: team.id, seedKey: "fact:dprk-arms-to-wagner-2022" } },
      include: { sources: true },
    });
    expect([dprk.kind, dprk.dateStart, dprk.dateEnd, dprk.datePrecision, dprk.sources.length]).toEqual([
      "dated_fact",
      "2022-11",
      "2022-12-22",
      "month",
      2,
    ]);
    const deal = await db.evidenceItem.findUniqueOrThrow({
      where: { teamId_seedKey: { teamId: team.id, seedKey: "fact:poland-korea-arms-deal-2022" } },
    });
    const editor = await db.membership.findFirstOrThrow({ where: { teamId: team.id } });
    const usage = await getEvidence(
      await viewerOf({ id: editor.userId, email: "", name: null, teamId: team.id, teamName: team.name, role: "editor", teams: [] }),
      deal.id,
    );
    expect(new Set(usage.usedIn.map((u) => u.articleId)).size).toBe(2);
    expect(usage.usedIn.map((u) => u.exact)).toContain("hundreds of tanks, fighter jets and weapons to NATO member Poland");

    // Seed 000's Madrid claim is backed by the summit's dated fact.
    const seed000 = await db.article.findFirstOrThrow({
      where: { teamId: team.id, sourceRef: "seed:000_adab854ca7d5bdf4" },
      select: { id: true },
    });
    const madrid = await db.annotation.findFirstOrThrow({
      where: { teamId: team.id, articleId: seed000.id, exact: "the NATO summit in Madrid in June 2022", deletedAt: null },
      include: { evidenceLinks: { where: { deletedAt: null }, include: { evidence: true } } },
    });
    expect(
      madrid.evidenceLinks.map((l) => [l.evidence.seedKey, l.evidence.kind, l.evidence.dateStart, l.evidence.dateEnd, l.stance]),
    ).toEqual([["fact:madrid-summit-2022", "dated_fact", "2022-06-28", "2022-06-30", "supports"]]);
  });
});
