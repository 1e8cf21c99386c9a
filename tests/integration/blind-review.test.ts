/**
 * Blind review sealed at the source: every read path's filter, on this
 * database, against a desk in the middle of a blind round
 * (tests/support/blind-desk.ts). Ann has a draft (`hidden`) in the open
 * round 2 on X, with evidence and a library item she made during it; Ben
 * (reviewer) and Bea (editor) review X blind with her; Eve is an editor
 * outside the round. After the reveal everything opens again.
 */
import { readFileSync } from "node:fs";
import JSZip from "jszip";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createMemoryBus } from "@/lib/events/memory-bus";
import { eventStreamResponse } from "@/lib/events/event-stream";
import type { LiveEvent } from "@/lib/events/live-event";
import { findPhrase } from "@/seeds/evidence-factories";
import { revealForTest } from "@/seeds/review-factories";
import { listArticles } from "@/lib/server/articles/list-articles";
import { listClaims } from "@/lib/server/claims/list-claims";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { deleteClaim } from "@/lib/server/claims/delete-claim";
import { restoreClaim } from "@/lib/server/claims/restore-claim";
import { placeClaimAnchor } from "@/lib/server/claims/place-claim-anchor";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";
import { listClaimEvidence } from "@/lib/server/evidence/list-claim-evidence";
import { linkEvidence } from "@/lib/server/evidence/link-evidence";
import { updateEvidenceLink } from "@/lib/server/evidence/update-evidence-link";
import { unlinkEvidence } from "@/lib/server/evidence/unlink-evidence";
import { getEvidence } from "@/lib/server/evidence/get-evidence";
import { listEvidence } from "@/lib/server/evidence/list-evidence";
import { updateEvidence } from "@/lib/server/evidence/update-evidence";
import { deleteEvidence } from "@/lib/server/evidence/delete-evidence";
import { createEvidence } from "@/lib/server/evidence/create-evidence";
import { listComments } from "@/lib/server/comments/list-comments";
import { createComment } from "@/lib/server/comments/create-comment";
import { listNotifications } from "@/lib/server/notifications/list-notifications";
import { getArticleRound } from "@/lib/server/reviews/get-article-round";
import { getRound } from "@/lib/server/reviews/get-round";
import { listRounds } from "@/lib/server/reviews/list-rounds";
import { getRoundAgreement } from "@/lib/server/reviews/get-round-agreement";
import { getTeamAgreement } from "@/lib/server/reviews/get-team-agreement";
import { decideCluster } from "@/lib/server/reviews/decide-cluster";
import { acceptAgreedClusters } from "@/lib/server/reviews/accept-agreed-clusters";
import { loadReport } from "@/lib/server/reports/load-report";
import { buildTeamZip } from "@/lib/server/reports/build-team-zip";
import { openZipJob } from "@/lib/server/reports/zip-jobs";
import { importW3c } from "@/lib/server/reports/import-w3c";
import { loadVisibility, viewerOf, type Viewer } from "@/lib/server/visibility/viewer";
import { asCurrentUser, editorNoteCopy, makeBlindDesk, type BlindDesk } from "../support/blind-desk";
import { errorCode } from "../support/error-code";
import { sseReader } from "../support/sse-reader";

const BASE = "http://claimdesk.test";
let d: BlindDesk;
/** The desk member `who`, as a fresh Viewer (their visibility read now). */
let as: (who: "editor" | "blindEditor" | "author" | "coReviewer" | "outsider") => Promise<Viewer>;

beforeEach(async () => {
  d = await makeBlindDesk(db);
  as = (who) => viewerOf(asCurrentUser(d[who], d.team));
});

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const reveal = () => revealForTest(db, { id: d.round2.id, teamId: d.team.id }, d.editor.id);

describe("annotations", () => {
  it("lists a draft of the open round to its author only; a blind reviewer sees only their own round work on the article", async () => {
    expect(ids(await listClaims(await as("author"), d.x.id))).toEqual(expect.arrayContaining([d.hidden.id]));
    expect(ids(await listClaims(await as("author"), d.x.id))).not.toContain(d.editorNote.id);
    expect(ids(await listClaims(await as("coReviewer"), d.x.id))).toEqual([d.benOwn.id]);
    expect(ids(await listClaims(await as("blindEditor"), d.x.id))).toEqual([]);
    const editor = ids(await listClaims(await as("editor"), d.x.id));
    expect(editor).toEqual(expect.arrayContaining([d.annR1.id, d.benR1.id, d.editorNote.id]));
    expect(editor).not.toContain(d.hidden.id);
    expect(editor).not.toContain(d.benOwn.id);
    await reveal();
    expect(ids(await listClaims(await as("coReviewer"), d.x.id))).toEqual(
      expect.arrayContaining([d.hidden.id, d.benOwn.id, d.editorNote.id]),
    );
    expect(ids(await listClaims(await as("editor"), d.x.id))).toContain(d.hidden.id);
  });

  it("answers every change by id of a hidden draft with 404, as for another team's, and changes nothing", async () => {
    for (const who of ["coReviewer", "editor", "blindEditor"] as const) {
      const v = await as(who);
      expect(await errorCode(updateClaim(v, d.hidden.id, { version: 1, verdict: "verified" })), who).toBe("404:");
      expect(await errorCode(deleteClaim(v, d.hidden.id, 1)), who).toBe("404:");
      expect(await errorCode(restoreClaim(v, d.hidden.id, 1)), who).toBe("404:");
      expect(await errorCode(placeClaimAnchor(v, d.hidden.id, { version: 1, start: 0, end: 5 })), who).toBe("404:");
    }
    const row = await db.annotation.findUniqueOrThrow({ where: { id: d.hidden.id } });
    expect([row.version, row.verdict, row.start, row.deletedAt]).toEqual([1, "disputed", d.hidden.start, null]);
    // The author still edits her own draft.
    expect((await updateClaim(await as("author"), d.hidden.id, { version: 1, verdict: "unsourced" })).verdict).toBe("unsourced");
  });

  it("counts on the article list only what the caller's claims list shows", async () => {
    for (const who of ["author", "coReviewer", "blindEditor", "editor", "outsider"] as const) {
      const v = await as(who);
      const count = (await listArticles(v)).find((a) => a.id === d.x.id)!.claimCount;
      expect(count, who).toBe((await listClaims(v, d.x.id)).length);
    }
    expect((await listArticles(await as("coReviewer"))).find((a) => a.id === d.x.id)!.claimCount).toBe(1);
  });
});

describe("evidence", () => {
  it("answers a hidden draft's evidence and links with 404", async () => {
    for (const who of ["coReviewer", "editor"] as const) {
      const v = await as(who);
      expect(await errorCode(listClaimEvidence(v, d.hidden.id)), who).toBe("404:");
      expect(await errorCode(linkEvidence(v, d.hidden.id, { evidenceId: d.sharedItem.id, stance: "context" })), who).toBe("404:");
      expect(await errorCode(updateEvidenceLink(v, d.hiddenLink.id, { version: 1, stance: "context" })), who).toBe("404:");
      expect(await errorCode(unlinkEvidence(v, d.newItemLink.id, 1)), who).toBe("404:");
    }
    // Reviewing X blind, Ben does not reach the editor's note there either.
    expect(await errorCode(listClaimEvidence(await as("coReviewer"), d.editorNote.id))).toBe("404:");
    expect((await listClaimEvidence(await as("author"), d.hidden.id)).links.map((l) => l.pinpoint)).toContain(d.mark.hiddenPinpoint);
    expect(await db.evidenceLink.count({ where: { annotationId: d.hidden.id, deletedAt: null } })).toBe(2);
  });

  it("lists and counts only the uses the caller may see: no hidden quote, verdict or pinpoint", async () => {
    const usage = async (who: Parameters<typeof as>[0]) => getEvidence(await as(who), d.sharedItem.id);
    const ben = await usage("coReviewer");
    expect(ben.usedIn.map((u) => u.claimId)).toEqual([d.visibleClaim.id]);
    expect(ben.useCount).toBe(1);
    const eve = await usage("editor");
    expect(eve.usedIn.map((u) => u.claimId).sort()).toEqual([d.annR1.id, d.finalClaim.id, d.visibleClaim.id].sort());
    expect(eve.useCount).toBe(3);
    expect(JSON.stringify(eve)).not.toContain(d.mark.hiddenPinpoint);
    const ann = await usage("author");
    expect(ann.usedIn.map((u) => u.pinpoint)).toContain(d.mark.hiddenPinpoint);
    expect(ann.useCount).toBe(ann.usedIn.length);
    // The library list counts the same way.
    const inList = async (who: Parameters<typeof as>[0]) =>
      (await listEvidence(await as(who), { limit: 100 })).find((i) => i.id === d.sharedItem.id)!.useCount;
    expect([await inList("coReviewer"), await inList("editor"), await inList("author")]).toEqual([1, 3, ann.useCount]);
    await reveal();
    expect((await usage("coReviewer")).usedIn.map((u) => u.pinpoint)).toContain(d.mark.hiddenPinpoint);
  });

  it("keeps a library item a reviewer made during the round from that round's other reviewers until the reveal", async () => {
    for (const who of ["coReviewer", "blindEditor"] as const) {
      const v = await as(who);
      expect(ids(await listEvidence(v, { limit: 100 })), who).not.toContain(d.newItem.id);
      expect(await listEvidence(v, { q: d.mark.newItem }), who).toEqual([]);
      expect(await errorCode(getEvidence(v, d.newItem.id)), who).toBe("404:");
      expect(await errorCode(updateEvidence(v, d.newItem.id, { version: 1, title: "Renamed" })), who).toBe("404:");
      expect(await errorCode(deleteEvidence(v, d.newItem.id, 1)), who).toBe("404:");
      // Not as a dated fact's source either: the id is as unknown as another team's.
      expect(
        await errorCode(createEvidence(v, { kind: "dated_fact", title: "A fact", date: "2023-01-30", sourceIds: [d.newItem.id] })),
        who,
      ).toBe("400:sourceIds");
    }
    // Its maker, the editor outside the round and everybody else see it at once.
    for (const who of ["author", "editor", "outsider"] as const)
      expect(ids(await listEvidence(await as(who), { limit: 100 })), who).toContain(d.newItem.id);
    await reveal();
    expect(ids(await listEvidence(await as("coReviewer"), { limit: 100 }))).toContain(d.newItem.id);
    expect((await getEvidence(await as("coReviewer"), d.newItem.id)).title).toBe(d.mark.newItem);
  });

  it("never resolves an imported URL to a library item the importer may not see", async () => {
    const { start, end } = findPhrase(d.vx.text, "Stoltenberg");
    const annotation = {
      type: "Annotation",
      target: {
        selector: [
          { type: "TextQuoteSelector", exact: "Stoltenberg" },
          { type: "TextPositionSelector", start, end },
        ],
      },
      body: [
        { purpose: "tagging", value: "Verified" },
        { purpose: "linking", type: "SpecificResource", source: `https://example.org/${d.mark.newItem}` },
      ],
    };
    const report = await importW3c(await as("coReviewer"), d.x.id, [annotation], BASE);
    expect(report.imported).toHaveLength(1);
    const links = await db.evidenceLink.findMany({
      where: { annotationId: report.imported[0]!.annotationId },
      include: { evidence: true },
    });
    expect(links.map((l) => l.evidenceId)).not.toContain(d.newItem.id);
  });
});

describe("the W3C import", () => {
  it("judges duplicates among what the caller may see, and puts a blind reviewer's import into their round", async () => {
    const annotation = editorNoteCopy(d);
    const ben = await importW3c(await as("coReviewer"), d.x.id, [annotation], BASE);
    expect(ben.failed).toEqual([]);
    const row = await db.annotation.findUniqueOrThrow({ where: { id: ben.imported[0]!.annotationId } });
    expect([row.roundId, row.authorId, row.status]).toEqual([d.round2.id, d.coReviewer.id, "draft"]);
    // Eve sees her own note, so for her the same annotation is a duplicate.
    const eve = await importW3c(await as("editor"), d.x.id, [annotation], BASE);
    expect(eve.failed.map((f) => f.reason)).toEqual(["duplicate"]);
  });
});

describe("outcome", () => {
  it("gives a member reviewing the article blind no final claims, report claims, rejected clusters or agreement figures", async () => {
    for (const who of ["coReviewer", "blindEditor"] as const) {
      const v = await as(who);
      expect(await listFinalClaims(v.visibility, d.x.id), who).toEqual([]);
      const report = await loadReport(v.visibility, d.x.id, { baseUrl: BASE });
      expect(report.claims, who).toEqual([]);
      const roundReport = await loadReport(v.visibility, d.x.id, { baseUrl: BASE, roundId: d.round1.id });
      expect([roundReport.claims, roundReport.rejected, roundReport.summary.roundAgreement], who).toEqual([[], [], null]);
      expect(
        (await getTeamAgreement(v)).map((p) => p.roundId),
        who,
      ).not.toContain(d.round1.id);
      expect(await errorCode(getRound(v, d.round1.id)), who).toBe("403:");
      expect(await errorCode(getRoundAgreement(v, d.round1.id)), who).toBe("403:");
      expect(await errorCode(listComments(v, { clusterId: d.cluster.id })), who).toBe("403:");
      expect(await errorCode(listComments(v, { claimId: d.finalClaim.id })), who).toBe("403:");
      expect(await errorCode(createComment(v, { clusterId: d.cluster.id, body: "<p>Peek.</p>" })), who).toBe("403:");
    }
    const eve = await as("editor");
    expect(ids(await listFinalClaims(eve.visibility, d.x.id)).sort()).toEqual([d.finalClaim.id, d.editorNote.id].sort());
    expect((await getTeamAgreement(eve)).map((p) => p.roundId)).toContain(d.round1.id);
    expect((await getRound(eve, d.round1.id)).clusters).toHaveLength(1);
  });

  it("refuses an editor reviewing the article blind the earlier round's decisions (403, nothing decided)", async () => {
    const bea = await as("blindEditor");
    expect(await errorCode(decideCluster(bea, d.cluster.id, { version: 99, action: "reject", rationale: "<p>No.</p>" }))).toBe("403:");
    expect(await errorCode(acceptAgreedClusters(bea, d.round1.id, [{ id: d.cluster.id, version: 99 }]))).toBe("403:");
    expect(await db.decision.count({ where: { clusterId: d.cluster.id } })).toBe(1);
  });

  it("shows no feedback on the earlier round to its reviewer while they review the article blind", async () => {
    expect((await getArticleRound(await as("coReviewer"), d.x.id)).outcomes).toEqual({});
    await reveal();
    expect(Object.keys((await getArticleRound(await as("coReviewer"), d.x.id)).outcomes)).toContain(d.benR1.id);
  });

  it("shows blind-phase progress counts to editors outside the round, not to one reviewing it", async () => {
    const counts = async (who: Parameters<typeof as>[0]) => (await listRounds(await as(who))).find((r) => r.id === d.round2.id)!.reviewers;
    expect((await counts("editor")).find((r) => r.id === d.author.id)!.annotationCount).toBe(1);
    for (const r of await counts("blindEditor")) expect(r.annotationCount).toBe(r.id === d.blindEditor.id ? 0 : null);
  });

  it("keeps a mention on the earlier round's discussion for after the reveal, and does not count it unread", async () => {
    const ben = await listNotifications(await as("coReviewer"));
    expect([ben.items.map((n) => n.id), ben.unread]).toEqual([[], 0]);
    await reveal();
    const after = await listNotifications(await as("coReviewer"));
    // The earlier round's mention, and Ann's mention in the thread on her round-2 draft.
    expect([after.items.map((n) => n.id).sort(), after.unread]).toEqual([[d.notification.id, d.hiddenMention.id].sort(), 2]);
  });

  it("builds a co-reviewer's team ZIP without the hidden work or the article's outcome", async () => {
    const ben = await as("coReviewer");
    const { job } = openZipJob(ben, 2, "team.zip");
    await buildTeamZip(
      job,
      [d.x.id, d.y.id].map((id) => ({ id, textLength: 100, annotations: 0 })),
      ["html", "csv", "w3c"],
      BASE,
      null,
      ben,
    );
    expect(job.status).toBe("done");
    const zip = await JSZip.loadAsync(readFileSync(job.file!));
    const text = (
      await Promise.all(
        Object.values(zip.files)
          .filter((f) => !f.dir)
          .map((f) => f.async("string")),
      )
    ).join("\n");
    for (const secret of d.secrets.coReviewer) expect(text.includes(secret), secret).toBe(false);
    expect(text).toContain(d.mark.visible);
    expect(text).toContain(`urn:claimdesk:claim:${d.visibleClaim.id}`);
  });
});

describe("live events", () => {
  it("go to the author alone for a draft, to nobody reviewing the article blind for the rest, and open up with the reveal", async () => {
    const bus = createMemoryBus();
    const abort = new AbortController();
    const stream = async (who: Parameters<typeof as>[0]) => {
      const user = asCurrentUser(d[who], d.team);
      const response = eventStreamResponse(
        bus,
        { teamId: d.team.id, visibility: await loadVisibility(user), reload: () => loadVisibility(user) },
        abort.signal,
      );
      const reader = sseReader(response.body!);
      await reader.nextChunk();
      return reader;
    };
    try {
      const [ann, ben, eve] = [await stream("author"), await stream("coReviewer"), await stream("editor")];
      const publish = (e: Omit<LiveEvent, "team">) => bus.publish({ team: d.team.id, ...e });
      const until = async (reader: Awaited<ReturnType<typeof stream>>, marker: string) => {
        const seen: LiveEvent[] = [];
        for (let e = await reader.nextEvent(); ; e = await reader.nextEvent()) {
          seen.push(e);
          if (e.id === marker) return seen.map((x) => x.id);
        }
      };
      await publish({ article: d.x.id, kind: "annotation", id: d.hidden.id, version: 2, audience: [d.author.id] });
      await publish({ article: d.x.id, kind: "annotation", id: d.editorNote.id, version: 2 });
      await publish({ article: d.x.id, kind: "comment", id: d.cluster.id, version: null });
      await publish({ article: null, kind: "notification", id: d.comment.id, version: null, audience: [d.coReviewer.id] });
      await publish({ article: d.y.id, kind: "annotation", id: "marker-1", version: 1 });
      // Ann reviews X blind too: of X she hears only of her own draft.
      expect(await until(ann, "marker-1")).toEqual([d.hidden.id, "marker-1"]);
      expect(await until(ben, "marker-1")).toEqual([d.comment.id, "marker-1"]);
      expect(await until(eve, "marker-1")).toEqual([d.editorNote.id, d.cluster.id, "marker-1"]);

      // The reveal: a round event makes each stream read its viewer's visibility again before the next event.
      await reveal();
      await publish({ article: d.x.id, kind: "round", id: d.round2.id, version: 2 });
      await publish({ article: d.x.id, kind: "annotation", id: d.editorNote.id, version: 3 });
      expect(await until(ben, d.editorNote.id)).toEqual([d.round2.id, d.editorNote.id]);
      // Nothing on the wire names an audience.
      expect(ben.text()).not.toContain("audience");
    } finally {
      abort.abort();
      await bus.close();
    }
  });
});
