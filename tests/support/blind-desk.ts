/**
 * A desk in the middle of a blind review, with one of each object the API
 * serves, for the tests that check who sees what (tests/api/authorization-matrix.spec.ts,
 * tests/integration/blind-review.test.ts). Written straight to the database by
 * the shared factories, so it works from Playwright and from vitest alike.
 *
 * Article X:
 * - round 1, adjudicated: Ann and Ben marked the same phrase; the agreed
 *   cluster was accepted, so X has a final claim (with evidence), a comment
 *   on the cluster's thread and a mention notification for Ben;
 * - an editor's own annotation outside rounds (`editorNote`);
 * - round 2, open (blind): Ann, Ben and Bea (an editor) review it; Ann has a
 *   draft (`hidden`) with two evidence links, one to a library item she made
 *   during the round (`newItem`); Ben has a draft of his own (`benOwn`).
 * Article Y: an editor's annotation (`visibleClaim`) citing the shared item.
 *
 * Every string a blind viewer must never receive carries a marker
 * (`secrets`), so a test can scan any answer for them.
 */
import type { CurrentUser } from "@/lib/auth/current-user";
import type { Db } from "@/lib/db";
import type { Role } from "@/lib/policies/roles";
import { createArticle, createTeam, createUser, currentUserOf } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink, findPhrase } from "@/seeds/evidence-factories";
import { annotateInRound, decideForTest, deskRound, revealForTest, submitInRound } from "@/seeds/review-factories";
import { readFileSync } from "node:fs";

export const ROUND1_PHRASE = "after a one-day visit to South Korea";
export const HIDDEN_PHRASE = "the NATO summit in Madrid in June 2022";
export const BEN_PHRASE = "hundreds of tanks, fighter jets";
export const EDITOR_NOTE_PHRASE = "Park Jin";
export const VISIBLE_PHRASE = "the NATO summit in Madrid";

const seedText = () => readFileSync(new URL("../../seeds/articles/000_adab854ca7d5bdf4.txt", import.meta.url), "utf8");

export type DeskMember = { id: string; email: string; name: string; role: Role };

/** A desk member as the use cases see the caller (CurrentUser). */
export const asCurrentUser = (m: DeskMember, team: { id: string; name: string }): CurrentUser => currentUserOf(m, team, m.role);

export async function makeBlindDesk(db: Db) {
  const team = await createTeam(db);
  const tag = team.slug.slice(-8);
  const member = async (name: string, role: Role): Promise<DeskMember> => {
    const u = await createUser(db, { team, role, name: `${name} ${tag}` });
    return { id: u.id, email: u.email, name: u.name!, role };
  };
  const editor = await member("Eve Editor", "editor");
  const blindEditor = await member("Bea Editor", "editor");
  const author = await member("Ann Reviewer", "reviewer");
  const coReviewer = await member("Ben Reviewer", "reviewer");
  /** A reviewer in no round: for "wrong role" checks that blind review does not cloud. */
  const outsider = await member("Olu Reviewer", "reviewer");
  /** The team's admin: for the routes only admins may use. */
  const admin = await member("Ada Admin", "admin");

  const mark = {
    hiddenRationale: `hidden-rationale-${tag}`,
    hiddenPinpoint: `hidden-pinpoint-${tag}`,
    newItem: `new-item-${tag}`,
    outcome: `outcome-${tag}`,
    editorNote: `editor-note-${tag}`,
    visible: `visible-${tag}`,
    hiddenComment: `hidden-comment-${tag}`,
  };

  const textX = seedText();
  const x = await createArticle(db, { team, text: textX, meta: { title: `Article X ${tag}`, outlet: "Test Outlet" } });
  const y = await createArticle(db, { team, text: textX, meta: { title: `Article Y ${tag}`, outlet: "Test Outlet" } });
  const vx = { id: x.versions[0]!.id, articleId: x.id, text: x.versions[0]!.text };
  const vy = { id: y.versions[0]!.id, articleId: y.id, text: y.versions[0]!.text };

  // A library item everybody may see: made by an editor before any round.
  const sharedItem = await createEvidenceItem(db, { team, title: `Shared source ${tag}`, createdById: editor.id });

  // Round 1 on X, adjudicated.
  const round1 = await deskRound(db, { team, version: vx, editor, reviewers: [author, coReviewer] });
  const annR1 = await annotateInRound(db, {
    team,
    roundId: round1.id,
    version: vx,
    authorId: author.id,
    phrase: ROUND1_PHRASE,
    verdict: "disputed",
    rationaleHtml: `<p>${mark.outcome} Ann</p>`,
  });
  const benR1 = await annotateInRound(db, {
    team,
    roundId: round1.id,
    version: vx,
    authorId: coReviewer.id,
    phrase: ROUND1_PHRASE,
    verdict: "disputed",
  });
  await createEvidenceLink(db, {
    team,
    evidenceId: sharedItem.id,
    claimId: annR1.id,
    stance: "contradicts",
    pinpoint: `${mark.outcome} pinpoint`,
  });
  await submitInRound(db, round1.id, author.id);
  await submitInRound(db, round1.id, coReviewer.id);
  const [cluster] = await revealForTest(db, { id: round1.id, teamId: team.id }, editor.id);
  const decided = await decideForTest(db, {
    team,
    cluster: cluster!,
    version: vx,
    deciderId: editor.id,
    action: "accept",
    boundary: annR1.id,
    span: { start: annR1.start, end: annR1.end },
    verdict: "disputed",
    rationaleHtml: `<p>${mark.outcome} decision</p>`,
  });
  if (!decided.adjudicated) throw new Error("Round 1 should be adjudicated.");
  const finalClaim = await db.claim.findUniqueOrThrow({ where: { clusterId: cluster!.id } });
  const comment = await db.comment.create({
    data: {
      teamId: team.id,
      clusterId: cluster!.id,
      authorId: editor.id,
      bodyHtml: `<p>@${coReviewer.name.split(" ")[0]} ${mark.outcome} comment</p>`,
    },
  });
  const notification = await db.notification.create({
    data: {
      teamId: team.id,
      userId: coReviewer.id,
      kind: "mention",
      objectType: "comment",
      objectId: comment.id,
      articleId: x.id,
      commentId: comment.id,
      text: `${editor.name} mentioned you: ${mark.outcome} notification`,
      url: `/reviews/${round1.id}#cluster-1`,
    },
  });

  // The editor's own annotation on X, outside rounds (a final claim of the editor).
  const editorNote = await createClaimOnPhrase(db, {
    team,
    version: vx,
    authorId: editor.id,
    phrase: EDITOR_NOTE_PHRASE,
    verdict: "verified",
    rationaleHtml: `<p>${mark.editorNote}</p>`,
  });

  // Round 2 on X, open: Ann, Ben and Bea review it blind.
  const round2 = await deskRound(db, { team, version: vx, editor, reviewers: [author, coReviewer, blindEditor] });
  const hidden = await annotateInRound(db, {
    team,
    roundId: round2.id,
    version: vx,
    authorId: author.id,
    phrase: HIDDEN_PHRASE,
    verdict: "disputed",
    rationaleHtml: `<p>${mark.hiddenRationale}</p>`,
  });
  const hiddenLink = await createEvidenceLink(db, {
    team,
    evidenceId: sharedItem.id,
    claimId: hidden.id,
    stance: "contradicts",
    pinpoint: mark.hiddenPinpoint,
  });
  // Made by Ann during round 2 (after it started): her co-reviewers must not see it until the reveal.
  const newItem = await createEvidenceItem(db, {
    team,
    title: mark.newItem,
    createdById: author.id,
    url: `https://example.org/${mark.newItem}`,
  });
  const newItemLink = await createEvidenceLink(db, { team, evidenceId: newItem.id, claimId: hidden.id, stance: "supports" });
  const benOwn = await annotateInRound(db, {
    team,
    roundId: round2.id,
    version: vx,
    authorId: coReviewer.id,
    phrase: BEN_PHRASE,
    verdict: "verified",
  });

  // Article Y: work everybody sees.
  const visibleClaim = await createClaimOnPhrase(db, {
    team,
    version: vy,
    authorId: editor.id,
    phrase: VISIBLE_PHRASE,
    verdict: "disputed",
    rationaleHtml: `<p>${mark.visible}</p>`,
  });
  const visibleLink = await createEvidenceLink(db, { team, evidenceId: sharedItem.id, claimId: visibleClaim.id, stance: "supports" });

  // Discussions: Ann's thread on her hidden draft, mentioning Ben (hidden from him until the reveal), and one on Y everybody sees.
  const hiddenComment = await db.comment.create({
    data: {
      teamId: team.id,
      annotationId: hidden.id,
      authorId: author.id,
      bodyHtml: `<p>@${coReviewer.name.split(" ")[0]} ${mark.hiddenComment}</p>`,
    },
  });
  const hiddenMention = await db.notification.create({
    data: {
      teamId: team.id,
      userId: coReviewer.id,
      kind: "mention",
      objectType: "comment",
      objectId: hiddenComment.id,
      articleId: x.id,
      commentId: hiddenComment.id,
      text: `${author.name} mentioned you: ${mark.hiddenComment}`,
      url: `/articles/${x.id}?claim=${hidden.id}&discuss=1&comment=${hiddenComment.id}`,
    },
  });
  const visibleComment = await db.comment.create({
    data: { teamId: team.id, annotationId: visibleClaim.id, authorId: editor.id, bodyHtml: `<p>${mark.visible} comment</p>` },
  });

  /** What the author's co-reviewers (and an editor assigned to round 2) may not see while round 2 is open. */
  const blindSecrets = [
    hidden.id,
    hiddenLink.id,
    newItemLink.id,
    newItem.id,
    mark.hiddenRationale,
    mark.hiddenPinpoint,
    mark.newItem,
    hiddenComment.id,
    hiddenMention.id,
    mark.hiddenComment,
    // Everything else on X but their own round-2 work: the earlier round's outcome and the editor's note.
    annR1.id,
    benR1.id,
    cluster!.id,
    finalClaim.id,
    comment.id,
    notification.id,
    mark.outcome,
    editorNote.id,
    mark.editorNote,
  ];
  /** What an editor outside round 2 may not see while it is open: the reviewers' round-2 work. */
  const editorSecrets = [
    hidden.id,
    hiddenLink.id,
    newItemLink.id,
    benOwn.id,
    mark.hiddenRationale,
    mark.hiddenPinpoint,
    hiddenComment.id,
    mark.hiddenComment,
  ];

  return {
    team,
    tag,
    mark,
    editor,
    blindEditor,
    author,
    coReviewer,
    outsider,
    admin,
    x,
    y,
    vx,
    vy,
    sharedItem,
    newItem,
    round1,
    cluster: cluster!,
    finalClaim,
    comment,
    notification,
    annR1,
    benR1,
    editorNote,
    round2,
    hidden,
    hiddenLink,
    newItemLink,
    benOwn,
    visibleClaim,
    visibleLink,
    hiddenComment,
    hiddenMention,
    visibleComment,
    secrets: {
      /** For Ben, Ann's co-reviewer. */
      coReviewer: blindSecrets,
      /** For Bea, an editor assigned to round 2: Ben's round-2 draft is hidden from her too. */
      blindEditor: [...blindSecrets, benOwn.id],
      editor: editorSecrets,
    },
  };
}
export type BlindDesk = Awaited<ReturnType<typeof makeBlindDesk>>;

/** A W3C annotation with the same span and verdict as the editor's note, which the co-reviewer may not see (an import's duplicate check must not betray it). */
export function editorNoteCopy(desk: { vx: { text: string } }) {
  const { start, end } = findPhrase(desk.vx.text, EDITOR_NOTE_PHRASE);
  return {
    type: "Annotation",
    target: {
      selector: [
        { type: "TextQuoteSelector", exact: EDITOR_NOTE_PHRASE },
        { type: "TextPositionSelector", start, end },
      ],
    },
    body: [{ type: "TextualBody", purpose: "tagging", value: "Verified" }],
  };
}
