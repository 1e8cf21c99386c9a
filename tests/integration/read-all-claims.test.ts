import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listAllClaims, listClaims } from "@/lib/server/claims/list-claims";
import { listFinalClaims, pageFinalClaims } from "@/lib/server/claims/list-final-claims";
import { viewerOf, type Viewer } from "@/lib/server/visibility/viewer";
import { createClaimOnPhrase, createEvidenceLink } from "@/seeds/evidence-factories";
import { revealForTest } from "@/seeds/review-factories";
import { asCurrentUser, EDITOR_NOTE_PHRASE, makeBlindDesk, type BlindDesk } from "../support/blind-desk";
import { errorCode } from "../support/error-code";
import { claimSelect, toClaimDto } from "@/lib/server/claims/claim-dto";
import { getClaim } from "@/lib/server/claims/get-claim";
import { readClaimRow } from "@/lib/server/claims/read-all-claims";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";

/**
 * The article page's claims read straight on the driver
 * (lib/server/claims/read-all-claims.ts) against the API's Prisma read
 * (listClaims, one page holds them all here), for every member of a desk in
 * the middle of a blind round and after its reveal: the same claims, field
 * for field, in the same order.
 */
let d: BlindDesk;
const members = ["editor", "blindEditor", "author", "coReviewer", "outsider", "admin"] as const;
const as = (who: (typeof members)[number]): Promise<Viewer> => viewerOf(asCurrentUser(d[who], d.team));
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

beforeEach(async () => {
  d = await makeBlindDesk(db);
  // Fields away from their usual values, and what the read must leave out or not count.
  const vx = d.vx;
  const rich = await createClaimOnPhrase(db, {
    team: d.team,
    version: vx,
    authorId: d.admin.id,
    phrase: EDITOR_NOTE_PHRASE,
    verdict: "unsourced",
  });
  await db.annotation.update({
    where: { id: rich.id },
    data: { speaker: "Ministère « 서울 » 𝕏", anchorState: "drifted", anchorScore: 0.8125, firstAppearanceDate: "2022-06" },
  });
  const gone = await createEvidenceLink(db, { team: d.team, evidenceId: d.sharedItem.id, claimId: rich.id, stance: "supports" });
  await createEvidenceLink(db, { team: d.team, evidenceId: d.sharedItem.id, claimId: rich.id, stance: "contradicts" });
  await db.evidenceLink.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });
  const deleted = await createClaimOnPhrase(db, {
    team: d.team,
    version: vx,
    authorId: d.admin.id,
    phrase: EDITOR_NOTE_PHRASE,
    verdict: "verified",
  });
  await db.annotation.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
});

describe("the article page's claims, read past Prisma", () => {
  it("are the API's claims for every member during a blind round: a reviewer sees no co-reviewer's work, an editor no draft", async () => {
    for (const who of members) {
      const viewer = await as(who);
      expect(await listAllClaims(viewer, d.x.id), who).toEqual(await listClaims(viewer, d.x.id));
    }
    // What blind review leaves each of them on article X.
    expect(ids(await listAllClaims(await as("coReviewer"), d.x.id))).toEqual([d.benOwn.id]);
    expect(ids(await listAllClaims(await as("blindEditor"), d.x.id))).toEqual([]);
    const author = await listAllClaims(await as("author"), d.x.id);
    expect(ids(author)).toEqual([d.hidden.id]);
    expect(author[0]).toMatchObject({ evidenceCount: 2, status: "draft", can: { edit: true, delete: true, restore: false } });
    const editor = ids(await listAllClaims(await as("editor"), d.x.id));
    expect(editor).toContain(d.editorNote.id);
    expect(editor).not.toContain(d.hidden.id);
    expect(editor).not.toContain(d.benOwn.id);
    // The drifted claim with a speaker: its own fields, one live link of two.
    const rich = (await listAllClaims(await as("outsider"), d.x.id)).find((c) => c.speaker !== null)!;
    expect(rich).toMatchObject({ speaker: "Ministère « 서울 » 𝕏", anchorState: "drifted", anchorScore: 0.8125, evidenceCount: 1 });
  });

  it("are the API's claims after the reveal, and a 404 for another team's article", async () => {
    await revealForTest(db, { id: d.round2.id, teamId: d.team.id }, d.editor.id);
    for (const who of members) {
      const viewer = await as(who);
      expect(await listAllClaims(viewer, d.x.id), who).toEqual(await listClaims(viewer, d.x.id));
    }
    expect(ids(await listAllClaims(await as("coReviewer"), d.x.id))).toContain(d.hidden.id);
    const other = await makeBlindDesk(db);
    expect(await errorCode(listAllClaims(await as("editor"), other.x.id))).toBe("404:");
  });
});

describe("one claim, read past Prisma (readClaimRow, getClaim)", () => {
  it("is Prisma's read of it for every member, claim and state: live, deleted, of a deleted article, hidden by the round, another team's", async () => {
    const other = await makeBlindDesk(db);
    // Y's article deleted: its claims are gone from GET /api/claims/{id}, but a change still finds them (as Prisma's read did).
    await db.article.update({ where: { id: d.y.id }, data: { deletedAt: new Date() } });
    const claims = await db.annotation.findMany({ where: { teamId: { in: [d.team.id, other.team.id] } }, select: { id: true } });
    expect(claims.length).toBeGreaterThan(8);
    let seen = 0;
    let live = 0;
    for (const who of members) {
      const viewer = await as(who);
      for (const { id } of claims) {
        const visible = visibleAnnotationWhere(viewer.visibility);
        const prisma = await db.annotation.findFirst({ where: { AND: [visible, { id }] }, select: claimSelect });
        expect(await readClaimRow(viewer.visibility, id), `${who} ${id}`).toEqual(prisma);
        const livePrisma = await db.annotation.findFirst({
          where: { AND: [visible, { id, deletedAt: null, article: { deletedAt: null } }] },
          select: claimSelect,
        });
        expect(await readClaimRow(viewer.visibility, id, { live: true }), `${who} ${id} (live)`).toEqual(livePrisma);
        if (livePrisma) expect(await getClaim(viewer, id)).toEqual(toClaimDto(livePrisma, viewer));
        else expect(await errorCode(getClaim(viewer, id))).toBe("404:");
        seen += prisma ? 1 : 0;
        live += livePrisma ? 1 : 0;
      }
    }
    // Each kind was met: claims some see and others do not, and deleted ones or ones of a deleted article among them.
    expect(seen).toBeGreaterThan(live);
    expect(live).toBeGreaterThan(0);
    expect(seen).toBeLessThan(members.length * claims.length);
  });
});

describe("the article page's final claims", () => {
  it("are listFinalClaims' when a round decided some, none when they are all editors' own, and [] when there are none or the viewer reviews blind", async () => {
    const editor = await as("editor");
    // X: round 1's accepted claim beside the editors' own annotations.
    const onX = await pageFinalClaims(editor.visibility, d.x.id);
    expect(onX).toEqual(await listFinalClaims(editor.visibility, d.x.id));
    expect(onX!.map((c) => c.source).sort()).toEqual(["editor", "editor", "round"]);
    // Y: only an editor's own claim, which the page leaves out (and reads after paint).
    expect(await listFinalClaims(editor.visibility, d.y.id)).toHaveLength(1);
    expect(await pageFinalClaims(editor.visibility, d.y.id)).toBeNull();
    // A reviewer in the open round on X sees no final claims at all.
    expect(await pageFinalClaims((await as("coReviewer")).visibility, d.x.id)).toEqual([]);
    // Once Y's only claim is deleted there are none: the page holds the empty list.
    await db.annotation.update({ where: { id: d.visibleClaim.id }, data: { deletedAt: new Date() } });
    expect(await pageFinalClaims(editor.visibility, d.y.id)).toEqual([]);
    const other = await makeBlindDesk(db);
    expect(await errorCode(pageFinalClaims(editor.visibility, other.x.id))).toBe("404:");
  });
});
