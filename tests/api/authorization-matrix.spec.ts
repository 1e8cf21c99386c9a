/**
 * The authorization matrix: every route × method of app/api/**\/route.ts
 * (read from the route files by tests/support/route-inventory.ts) against
 * - a signed-out caller: 401 with a JSON `{ error }`;
 * - another team's member: 404 for a request that names the desk's objects,
 *   or an answer about their own team that names none of them;
 * - a member whose role may not do it: 403;
 * - blind review: a co-reviewer (and an editor outside the round, and an
 *   editor assigned to it) gets 404 for a hidden object, 403 for an earlier
 *   round's outcome, and lists, counts, reports and events that leave hidden
 *   work out (tests/support/blind-desk.ts marks every hidden string).
 *
 * MATRIX has one row per route and method; a route file without a row (or a
 * row without a route) fails the first test, so a new route cannot be missed.
 */
import JSZip from "jszip";
import type { APIRequestContext, APIResponse } from "@playwright/test";
import { test, expect, testDb, signIn } from "../support/fixtures";
import { apiRoutes, publicRoutes, routeUrl, type ApiRoute } from "../support/route-inventory";
import { makeBlindDesk, editorNoteCopy, HIDDEN_PHRASE, type BlindDesk } from "../support/blind-desk";
import { findPhrase } from "@/seeds/evidence-factories";
import { callAs, openEventStream, signInAt } from "../support/app-instance";
import type { LiveEvent } from "@/lib/events/live-event";

type Who = "editor" | "blindEditor" | "author" | "coReviewer" | "outsider" | "admin" | "stranger" | "strangerAdmin";
type Req = { params?: Record<string, string>; query?: string; data?: unknown };
type Ctx = {
  desk: BlindDesk;
  other: BlindDesk;
  as: (who: Who) => APIRequestContext;
  send: (who: Who, req: Req) => Promise<APIResponse>;
  jobId: string;
  fixtures: Fixtures;
};
/** Objects the matrix makes through the API before the rows run (their ids fill the route parameters). */
type Fixtures = { aliasId: string; invitationId: string; membershipId: string };
type Check = (ctx: Ctx) => Promise<void>;
/** What a blind viewer gets: 404 (a hidden object), 403 (an earlier round's outcome), an answer free of hidden strings, or a check of its own. */
type Probe = { as: Who; req?: (d: BlindDesk) => Req; expect: 404 | 403 | "scan" | Check };
type Row = {
  /** Public by design: no sign-in, nothing of a team. */
  public?: string;
  /** A well-formed request naming the desk's objects (signed out: 401; another team: `otherTeam`). */
  req?: (d: BlindDesk) => Req;
  /** 404 for a request that names the desk's objects; "own-team" for an answer about the caller's team (it must name none of the desk's). */
  otherTeam?: 404 | "own-team" | Check;
  /** A member whose role may not do this gets 403. */
  wrongRole?: { as: Who; req?: (d: BlindDesk) => Req };
  /** Blind-review probes; an empty list needs `blindNote` saying why nothing can leak. */
  blind: Probe[];
  blindNote?: string;
};

const x = (d: BlindDesk) => ({ articleId: d.x.id });
const claimAt = (d: BlindDesk, phrase: string) => ({ versionId: d.vx.id, ...findPhrase(d.vx.text, phrase), verdict: "verified" });

const MATRIX: Record<string, Row> = {
  "GET /api/account": { otherTeam: "own-team", blind: [], blindNote: "the caller's own account and teams" },
  "PATCH /api/account": {
    req: () => ({ data: { name: "A name of one's own" } }),
    otherTeam: "own-team",
    blind: [],
    blindNote: "changes the caller's own display name; the answer is their account",
  },
  "POST /api/account/password": {
    req: () => ({ data: { currentPassword: "not-the-password", newPassword: "a-long-new-password-42" } }),
    otherTeam: async ({ send }) => {
      const res = await send("stranger", { data: { currentPassword: "not-the-password", newPassword: "a-long-new-password-42" } });
      expect(res.status()).toBe(400);
      expect(await res.json()).toMatchObject({ field: "currentPassword" });
    },
    blind: [],
    blindNote: "the caller's own password; the answer is { ok }",
  },
  "PATCH /api/articles/[articleId]": {
    req: (d) => ({ params: { articleId: d.y.id }, data: { version: 99, title: "Renamed" } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [{ as: "blindEditor", req: (d) => ({ params: x(d), data: { version: 99, title: "Renamed" } }), expect: staleAnswerIsScanned }],
  },
  "DELETE /api/articles/[articleId]": {
    req: (d) => ({ params: { articleId: d.y.id }, query: "version=99" }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "a tombstone; the answer is the article's id, version and deletedAt",
  },
  "POST /api/articles/[articleId]/restore": {
    req: (d) => ({ params: { articleId: d.y.id }, data: { version: 99 } }),
    otherTeam: async ({ desk, send }) =>
      expectJsonError(
        await send("strangerAdmin", { params: { articleId: desk.y.id }, data: { version: 99 } }),
        404,
        "restore as another team's admin",
      ),
    wrongRole: { as: "editor" },
    blind: [],
    blindNote: "admins restore a tombstone; the answer is the article's id, version and deletedAt",
  },
  "GET /api/articles/[articleId]/snapshot": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [],
    blindNote: "the fetched web page as it was: nobody's work",
  },
  "GET /api/articles/[articleId]/suggestions": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "blindEditor", expect: "scan" },
    ],
  },
  "POST /api/articles/[articleId]/suggestions/decisions": {
    req: (d) => ({ params: x(d), data: { versionId: d.vx.id, ...findPhrase(d.vx.text, "Stoltenberg"), decision: "dismiss" } }),
    otherTeam: 404,
    blind: [],
    blindNote: "teaches the team's model from a sentence of the article's text; the answer is { decision, learnt }",
  },
  "POST /api/articles/fetch": {
    req: () => ({ data: { url: "http://127.0.0.1:9/nothing-here" } }),
    otherTeam: async ({ desk, send }) => {
      const res = await send("stranger", { data: { url: "http://127.0.0.1:9/nothing-here" } });
      expect(res.status(), "a private address is refused, naming the field").toBe(400);
      expect(await res.json()).toMatchObject({ field: "url" });
      await expectNone(res, deskStrings(desk), "POST /api/articles/fetch as another team");
    },
    blind: [],
    blindNote: "fetches a page the caller names; reads nothing stored",
  },
  "GET /api/assist/aliases": { otherTeam: "own-team", blind: [], blindNote: "the team's alias table: nobody's review work" },
  "POST /api/assist/aliases": {
    req: () => ({ data: { alias: `Stoltenberg ${Date.now()}`, canonical: "Jens Stoltenberg" } }),
    otherTeam: "own-team",
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "adds to the team's alias table; the answer is the alias",
  },
  "DELETE /api/assist/aliases/[aliasId]": {
    req: () => ({ query: "version=1" }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "removes an alias; the answer is the alias",
  },
  "GET /api/assist/model": { otherTeam: "own-team", blind: [], blindNote: "the team's learnt weights and counts: nobody's review work" },
  "DELETE /api/assist/model": {
    req: () => ({ query: "version=99" }),
    otherTeam: async ({ desk, as }) => {
      const model = (await (await as("stranger").get("/api/assist/model")).json()) as { version: number };
      const res = await as("stranger").delete(`/api/assist/model?version=${model.version}`);
      expect(res.status(), "another team's editor resets their own team's model").toBeLessThan(300);
      await expectNone(res, deskStrings(desk), "DELETE /api/assist/model as another team");
    },
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "resets the team's learnt weights; the answer is the model's counts",
  },
  "GET /api/claims": {
    otherTeam: "own-team",
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "blindEditor", expect: "scan" },
      { as: "editor", expect: "scan" },
      { as: "coReviewer", req: () => ({ query: `q=${encodeURIComponent(HIDDEN_PHRASE)}` }), expect: "scan" },
    ],
  },
  "POST /api/claims/[claimId]/apply-related": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id }, data: { version: 99, source: { kind: "claim", id: d.finalClaim.id } } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      {
        as: "coReviewer",
        req: (d) => ({ params: { claimId: d.benOwn.id }, data: { version: 1, source: { kind: "annotation", id: d.hidden.id } } }),
        expect: 404,
      },
      {
        as: "coReviewer",
        req: (d) => ({ params: { claimId: d.benOwn.id }, data: { version: 1, source: { kind: "claim", id: d.finalClaim.id } } }),
        expect: 404,
      },
      {
        as: "editor",
        req: (d) => ({ params: { claimId: d.visibleClaim.id }, data: { version: 1, source: { kind: "annotation", id: d.hidden.id } } }),
        expect: 404,
      },
    ],
  },
  "GET /api/claims/[claimId]/related": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id } }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.hidden.id } }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { claimId: d.hidden.id } }), expect: 404 },
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.benOwn.id } }), expect: "scan" },
      { as: "coReviewer", expect: "scan" },
      { as: "blindEditor", expect: "scan" },
      { as: "editor", expect: "scan" },
    ],
  },
  "GET /api/invitations/[token]": { public: "an invitation link's preview: the token is the credential", blind: [] },
  "POST /api/invitations/[token]/accept": { public: "accepting an invitation: the token is the credential", blind: [] },
  "GET /api/password-resets/[token]": { public: "a password-reset link's preview: the token is the credential", blind: [] },
  "POST /api/password-resets/[token]": { public: "setting a password from a reset link: the token is the credential", blind: [] },
  "POST /api/setup": { public: "the first run's setup: 404 once anyone exists", blind: [] },
  "GET /api/team/activity": {
    otherTeam: "own-team",
    wrongRole: { as: "outsider" },
    blind: [{ as: "editor", expect: activityLeavesHiddenWorkOut }],
  },
  "POST /api/team/invitations": {
    req: () => ({ data: { email: `someone-${Date.now()}@claimdesk.test`, role: "reviewer" } }),
    otherTeam: async ({ desk, send }) => {
      const res = await send("strangerAdmin", { data: { email: `someone-${Date.now()}@claimdesk.test`, role: "reviewer" } });
      expect(res.status(), "another team's admin invites to their own team").toBe(201);
      await expectNone(res, deskStrings(desk), "POST /api/team/invitations as another team");
    },
    wrongRole: { as: "editor" },
    blind: [],
    blindNote: "invites a person; the answer is the invitation",
  },
  "DELETE /api/team/invitations/[invitationId]": {
    req: () => ({ query: "version=99" }),
    otherTeam: async ({ send }) =>
      expectJsonError(await send("strangerAdmin", { query: "version=99" }), 404, "revoking as another team's admin"),
    wrongRole: { as: "editor" },
    blind: [],
    blindNote: "withdraws an invitation; the answer is the invitation",
  },
  "PATCH /api/team/members/[membershipId]": {
    req: () => ({ data: { version: 99, role: "editor" } }),
    otherTeam: async ({ send }) =>
      expectJsonError(await send("strangerAdmin", { data: { version: 99, role: "editor" } }), 404, "a role change by another team's admin"),
    wrongRole: { as: "editor" },
    blind: [],
    blindNote: "changes a membership; the answer is the member's row (name, role, status, counts the caller may see)",
  },
  "POST /api/team/members/[membershipId]/password-reset": {
    otherTeam: async ({ send }) => expectJsonError(await send("strangerAdmin", {}), 404, "a reset link from another team's admin"),
    wrongRole: { as: "editor" },
    blind: [],
    blindNote: "a one-time link for the member; the answer is the link",
  },
  "GET /api/team/roster": {
    otherTeam: "own-team",
    wrongRole: { as: "outsider" },
    blind: [{ as: "editor", expect: rosterCountsOnlyVisibleClaims }],
  },
  "GET /api/team/settings": { otherTeam: "own-team", blind: [], blindNote: "the team's name, publisher and wording" },
  "PATCH /api/team/settings": {
    req: () => ({ data: { version: 99, name: "Renamed desk" } }),
    otherTeam: async ({ desk, send }) => {
      const res = await send("strangerAdmin", { data: { version: 99, name: "Renamed desk" } });
      expect(res.status(), "a stale version of one's own team's settings").toBe(409);
      await expectNone(res, deskStrings(desk), "PATCH /api/team/settings as another team");
    },
    wrongRole: { as: "editor" },
    blind: [],
    blindNote: "the team's settings; the answer is them",
  },
  "POST /api/teams": {
    req: () => ({ data: { name: "A team of one's own" } }),
    otherTeam: async ({ desk, other, as }) => {
      const res = await as("stranger").post("/api/teams", { data: { name: "A team of one's own" } });
      expect(res.status()).toBe(201);
      await expectNone(res, deskStrings(desk), "POST /api/teams as another team");
      // The new team became the stranger's active one: back to theirs, for the rows after this one.
      expect((await as("stranger").put("/api/teams/active", { data: { teamId: other.team.id } })).status()).toBe(200);
    },
    blind: [],
    blindNote: "makes a new, empty team",
  },
  "PUT /api/teams/active": {
    req: (d) => ({ data: { teamId: d.team.id } }),
    otherTeam: 404,
    blind: [],
    blindNote: "switches among the caller's own teams; the answer is the team",
  },
  "GET /api/agreement": {
    otherTeam: "own-team",
    blind: [
      { as: "coReviewer", expect: notListingRound1 },
      { as: "blindEditor", expect: notListingRound1 },
    ],
  },
  "POST /api/articles/[articleId]/annotations/import": {
    req: (d) => ({ params: x(d), data: [] }),
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: importSeesNoHiddenDuplicate }],
  },
  "GET /api/articles/[articleId]/claims": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "blindEditor", expect: "scan" },
      { as: "editor", expect: "scan" },
    ],
  },
  "POST /api/articles/[articleId]/claims": {
    req: (d) => ({ params: x(d), data: claimAt(d, "Stoltenberg") }),
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "GET /api/articles/[articleId]/final-claims": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "blindEditor", expect: "scan" },
    ],
  },
  "GET /api/articles/[articleId]/report": {
    req: (d) => ({ params: x(d), query: "format=html" }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "coReviewer", req: (d) => ({ params: x(d), query: `format=html&round=${d.round1.id}` }), expect: "scan" },
      { as: "blindEditor", req: (d) => ({ params: x(d), query: "format=w3c" }), expect: "scan" },
      { as: "editor", req: (d) => ({ params: x(d), query: "format=w3c" }), expect: "scan" },
    ],
  },
  "GET /api/articles/[articleId]/publication": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "blindEditor", expect: "scan" },
    ],
  },
  "POST /api/articles/[articleId]/publication": {
    req: (d) => ({ params: x(d), data: {} }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [{ as: "blindEditor", expect: publishingWaitsForTheRound }],
  },
  "POST /api/articles/[articleId]/publication/retract": {
    req: (d) => ({ params: x(d), data: { version: 1, reason: "Withdrawn." } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "withdraws what is already public; its answer is the publication's public state (nothing is published on X)",
  },
  "GET /api/articles/[articleId]/round": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "blindEditor", expect: "scan" },
    ],
  },
  "GET /api/articles/[articleId]": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "GET /api/articles/[articleId]/versions/[number]": {
    req: (d) => ({ params: { ...x(d), number: "1" } }),
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "GET /api/articles/[articleId]/versions/compare": {
    req: (d) => ({ params: x(d), query: "from=1&to=1" }),
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "GET /api/articles/[articleId]/versions": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "POST /api/articles/[articleId]/versions": {
    req: (d) => ({ params: { articleId: d.y.id }, data: { version: 1, text: "A corrected text." } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "a correction is refused while a round is open (409), and its answer is the article",
  },
  "POST /api/articles/preview": {
    req: () => ({ data: { text: "Some text to clean." } }),
    otherTeam: "own-team",
    blind: [],
    blindNote: "cleans the text it is sent; reads nothing stored",
  },
  "GET /api/articles": {
    otherTeam: "own-team",
    blind: [
      { as: "coReviewer", expect: claimCountMatchesList },
      { as: "editor", expect: claimCountMatchesList },
    ],
  },
  "POST /api/articles": {
    req: () => ({ data: { text: "A new article about NATO.", title: "New" } }),
    otherTeam: "own-team",
    blind: [],
    blindNote: "makes a new article with no annotations",
  },
  "GET /api/auth/[...nextauth]": { public: "next-auth's own endpoints (sign-in, CSRF token, session)", blind: [] },
  "POST /api/auth/[...nextauth]": { public: "next-auth's own endpoints (sign-in, sign-out)", blind: [] },
  "PATCH /api/claims/[claimId]/anchor": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id }, data: { version: 1, confirm: true } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.hidden.id }, data: { version: 1, confirm: true } }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { claimId: d.hidden.id }, data: { version: 1, confirm: true } }), expect: 404 },
    ],
  },
  "GET /api/claims/[claimId]/evidence": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id } }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.hidden.id } }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { claimId: d.hidden.id } }), expect: 404 },
      { as: "blindEditor", req: (d) => ({ params: { claimId: d.hidden.id } }), expect: 404 },
      // Reviewing X blind, Ben sees only his own round-2 work there: not the editor's note either.
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.editorNote.id } }), expect: 404 },
      { as: "coReviewer", expect: "scan" },
    ],
  },
  "POST /api/claims/[claimId]/evidence": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id }, data: { evidenceId: d.sharedItem.id, stance: "context" } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      {
        as: "coReviewer",
        req: (d) => ({ params: { claimId: d.hidden.id }, data: { evidenceId: d.sharedItem.id, stance: "context" } }),
        expect: 404,
      },
      {
        as: "editor",
        req: (d) => ({ params: { claimId: d.hidden.id }, data: { evidenceId: d.sharedItem.id, stance: "context" } }),
        expect: 404,
      },
    ],
  },
  "POST /api/claims/[claimId]/restore": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id }, data: { version: 1 } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.hidden.id }, data: { version: 1 } }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { claimId: d.hidden.id }, data: { version: 1 } }), expect: 404 },
    ],
  },
  "GET /api/claims/[claimId]": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id } }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.hidden.id } }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { claimId: d.hidden.id } }), expect: 404 },
      { as: "blindEditor", req: (d) => ({ params: { claimId: d.benOwn.id } }), expect: 404 },
      // Reviewing X blind, Ben reads only his own round-2 work there: not the editor's note either.
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.editorNote.id } }), expect: 404 },
      { as: "coReviewer", expect: "scan" },
    ],
  },
  "PATCH /api/claims/[claimId]": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id }, data: { version: 1, verdict: "verified" } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.hidden.id }, data: { version: 1, verdict: "verified" } }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { claimId: d.hidden.id }, data: { version: 1, verdict: "verified" } }), expect: 404 },
      { as: "blindEditor", req: (d) => ({ params: { claimId: d.benOwn.id }, data: { version: 1, verdict: "verified" } }), expect: 404 },
    ],
  },
  "DELETE /api/claims/[claimId]": {
    req: (d) => ({ params: { claimId: d.visibleClaim.id }, query: "version=1" }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { claimId: d.hidden.id }, query: "version=1" }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { claimId: d.hidden.id }, query: "version=1" }), expect: 404 },
    ],
  },
  "POST /api/clusters/[clusterId]/decisions": {
    req: (d) => ({ params: { clusterId: d.cluster.id }, data: { version: 99, action: "reject", rationale: "<p>Not a claim.</p>" } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    // A stale version: answered with 409 and the cluster today, which is the earlier round's outcome.
    blind: [{ as: "blindEditor", expect: 403 }],
  },
  "GET /api/comments": {
    req: (d) => ({ query: `clusterId=${d.cluster.id}` }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: 403 },
      { as: "coReviewer", req: (d) => ({ query: `annotationId=${d.hidden.id}` }), expect: 404 },
      { as: "editor", req: (d) => ({ query: `annotationId=${d.hidden.id}` }), expect: 404 },
      { as: "blindEditor", req: (d) => ({ query: `claimId=${d.finalClaim.id}` }), expect: 403 },
    ],
  },
  "POST /api/comments": {
    req: (d) => ({ data: { clusterId: d.cluster.id, body: "<p>A comment.</p>" } }),
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: 403 }],
  },
  "PATCH /api/comments/[commentId]": {
    req: (d) => ({ params: { commentId: d.visibleComment.id }, data: { version: 1, body: "<p>Edited.</p>" } }),
    otherTeam: 404,
    // Only its author edits a comment.
    wrongRole: { as: "outsider" },
    blind: [
      {
        as: "coReviewer",
        req: (d) => ({ params: { commentId: d.hiddenComment.id }, data: { version: 1, body: "<p>Peek.</p>" } }),
        expect: 404,
      },
    ],
  },
  "DELETE /api/comments/[commentId]": {
    req: (d) => ({ params: { commentId: d.visibleComment.id }, query: "version=1" }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [{ as: "coReviewer", req: (d) => ({ params: { commentId: d.hiddenComment.id }, query: "version=1" }), expect: 404 }],
  },
  "POST /api/comments/[commentId]/resolve": {
    req: (d) => ({ params: { commentId: d.visibleComment.id }, data: { version: 1, resolved: true } }),
    otherTeam: 404,
    // Whoever started the thread, the claim's author or an editor.
    wrongRole: { as: "outsider" },
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { commentId: d.hiddenComment.id }, data: { version: 1, resolved: true } }), expect: 404 },
    ],
  },
  "GET /api/articles/[articleId]/discussions": {
    req: (d) => ({ params: x(d) }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "editor", expect: "scan" },
    ],
  },
  "PATCH /api/notifications/[notificationId]": {
    req: (d) => ({ params: { notificationId: d.notification.id }, data: { read: true } }),
    otherTeam: 404,
    blind: [{ as: "coReviewer", req: (d) => ({ params: { notificationId: d.hiddenMention.id }, data: { read: true } }), expect: 404 }],
  },
  "GET /api/account/notifications": {
    otherTeam: "own-team",
    blind: [],
    blindNote: "one's own e-mail choices: names no one's work",
  },
  "PATCH /api/account/notifications": {
    req: (d) => ({ data: { teamId: d.team.id, version: 99, email: "none" } }),
    otherTeam: 404,
    blind: [],
    blindNote: "one's own e-mail choice: names no one's work",
  },
  "GET /api/events": {
    otherTeam: strangerStreamGetsNothingOfTheDesk,
    blind: [{ as: "coReviewer", expect: eventsLeaveHiddenWorkOut }],
  },
  "PATCH /api/evidence-links/[linkId]": {
    req: (d) => ({ params: { linkId: d.visibleLink.id }, data: { version: 1, stance: "context" } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { linkId: d.hiddenLink.id }, data: { version: 1, stance: "context" } }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { linkId: d.hiddenLink.id }, data: { version: 1, stance: "context" } }), expect: 404 },
    ],
  },
  "DELETE /api/evidence-links/[linkId]": {
    req: (d) => ({ params: { linkId: d.visibleLink.id }, query: "version=1" }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { linkId: d.hiddenLink.id }, query: "version=1" }), expect: 404 },
      { as: "editor", req: (d) => ({ params: { linkId: d.newItemLink.id }, query: "version=1" }), expect: 404 },
    ],
  },
  "GET /api/evidence/[evidenceId]": {
    req: (d) => ({ params: { evidenceId: d.sharedItem.id } }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { evidenceId: d.newItem.id } }), expect: 404 },
      { as: "coReviewer", expect: usageMatchesCount },
      { as: "editor", expect: usageMatchesCount },
    ],
  },
  "PATCH /api/evidence/[evidenceId]": {
    req: (d) => ({ params: { evidenceId: d.sharedItem.id }, data: { version: 1, title: "Renamed" } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [
      { as: "coReviewer", req: (d) => ({ params: { evidenceId: d.newItem.id }, data: { version: 1, title: "Renamed" } }), expect: 404 },
    ],
  },
  "DELETE /api/evidence/[evidenceId]": {
    req: (d) => ({ params: { evidenceId: d.sharedItem.id }, query: "version=1" }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [{ as: "coReviewer", req: (d) => ({ params: { evidenceId: d.newItem.id }, query: "version=1" }), expect: 404 }],
  },
  "GET /api/evidence": {
    otherTeam: "own-team",
    blind: [
      { as: "coReviewer", expect: libraryHidesNewItemAndCountsVisibleUses },
      { as: "coReviewer", req: (d) => ({ query: `q=${d.mark.newItem}` }), expect: "scan" },
      { as: "editor", expect: libraryHidesNewItemAndCountsVisibleUses },
    ],
  },
  "POST /api/evidence": {
    req: () => ({ data: { kind: "web_source", title: "A new source" } }),
    otherTeam: "own-team",
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "PATCH /api/final-claims/[claimId]/anchor": {
    req: (d) => ({ params: { claimId: d.finalClaim.id }, data: { version: 1, confirm: true } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [{ as: "blindEditor", expect: 403 }],
  },
  "POST /api/notifications/read": {
    req: () => ({ data: { ids: [] } }),
    otherTeam: strangerCannotMarkTheDeskRead,
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "GET /api/notifications": {
    otherTeam: "own-team",
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "GET /api/ping": { public: "the liveness probe", blind: [] },
  "GET /api/queue": {
    otherTeam: "own-team",
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "GET /api/reports/zip/[jobId]/download": {
    // The job (Ann's) is made in beforeAll; its id fills [jobId].
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: 404 }],
  },
  "GET /api/reports/zip/[jobId]": {
    otherTeam: 404,
    blind: [{ as: "coReviewer", expect: 404 }],
  },
  "POST /api/reports/zip": {
    req: () => ({ data: { formats: ["csv"] } }),
    otherTeam: "own-team",
    blind: [{ as: "coReviewer", expect: zipLeavesHiddenWorkOut }],
  },
  "POST /api/reviews/[roundId]/accept-agreed": {
    req: (d) => ({ params: { roundId: d.round1.id }, data: { clusters: [{ id: d.cluster.id, version: 99 }] } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [{ as: "blindEditor", expect: 403 }],
  },
  "GET /api/reviews/[roundId]/agreement": {
    req: (d) => ({ params: { roundId: d.round1.id } }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: 403 },
      { as: "blindEditor", expect: 403 },
    ],
  },
  "POST /api/reviews/[roundId]/close": {
    req: (d) => ({ params: { roundId: d.round1.id }, data: { version: 99 } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "answers the round's summary (no annotation content; counts only for editors not reviewing it)",
  },
  "POST /api/reviews/[roundId]/reopen": {
    req: (d) => ({ params: { roundId: d.round2.id } }),
    otherTeam: 404,
    wrongRole: { as: "editor" },
    blind: [],
    blindNote: "a reviewer reopens their own review; the answer is the round's summary",
  },
  "POST /api/reviews/[roundId]/reveal": {
    req: (d) => ({ params: { roundId: d.round2.id }, data: { version: 99 } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "ends the blind phase; the answer is the round's summary",
  },
  "GET /api/reviews/[roundId]": {
    req: (d) => ({ params: { roundId: d.round1.id } }),
    otherTeam: 404,
    blind: [
      { as: "coReviewer", expect: 403 },
      { as: "coReviewer", req: (d) => ({ params: { roundId: d.round2.id } }), expect: "scan" },
      { as: "blindEditor", req: (d) => ({ params: { roundId: d.round2.id } }), expect: progressCountsOnlyOwn },
    ],
  },
  "POST /api/reviews/[roundId]/submit": {
    req: (d) => ({ params: { roundId: d.round2.id } }),
    otherTeam: 404,
    wrongRole: { as: "editor" },
    blind: [],
    blindNote: "a reviewer submits their own review; the answer is the round's summary",
  },
  "GET /api/reviews": {
    otherTeam: "own-team",
    blind: [
      { as: "coReviewer", expect: "scan" },
      { as: "blindEditor", expect: progressCountsOnlyOwn },
    ],
  },
  "POST /api/reviews": {
    req: (d) => ({ data: { articleId: d.y.id, reviewerIds: [d.outsider.id], adjudicatorId: d.editor.id } }),
    otherTeam: 404,
    wrongRole: { as: "outsider" },
    blind: [],
    blindNote: "starts a round; the answer is its summary",
  },
  "GET /api/team/members": {
    otherTeam: "own-team",
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
  "GET /api/team": {
    otherTeam: "own-team",
    blind: [{ as: "coReviewer", expect: "scan" }],
  },
};

const ROUTES: ApiRoute[] = apiRoutes();
const keysOf = (r: ApiRoute) => r.methods.map((m) => `${m} ${r.path}`);

/** The route a row key names, and its method. */
function routeOf(key: string): { route: ApiRoute; method: string } {
  const [method, path] = key.split(" ") as [string, string];
  return { route: ROUTES.find((r) => r.path === path)!, method };
}

/** The strings a caller must never receive: everything of the desk for another team, the hidden work for blind viewers. */
function secretsFor(who: Who, d: BlindDesk): string[] {
  if (who === "coReviewer" || who === "author") return d.secrets.coReviewer;
  if (who === "blindEditor") return d.secrets.blindEditor;
  if (who === "editor") return d.secrets.editor;
  return deskStrings(d);
}
const deskStrings = (d: BlindDesk) => [
  d.tag,
  d.x.id,
  d.y.id,
  d.round1.id,
  d.round2.id,
  d.cluster.id,
  d.finalClaim.id,
  d.hidden.id,
  d.annR1.id,
  d.editorNote.id,
  d.visibleClaim.id,
  d.sharedItem.id,
  d.newItem.id,
  d.visibleLink.id,
  d.comment.id,
  d.notification.id,
];

async function expectNone(res: APIResponse | string, secrets: string[], what: string) {
  const text = typeof res === "string" ? res : await res.text();
  for (const s of secrets) expect(text.includes(s), `${what} must not contain ${s}`).toBe(false);
}

async function expectJsonError(res: APIResponse, status: number, what: string) {
  expect(res.status(), what).toBe(status);
  expect(await res.json(), what).toEqual(expect.objectContaining({ error: expect.any(String) }));
}

let ctx: Ctx;
const contexts: APIRequestContext[] = [];

test.beforeAll(async ({ playwright }) => {
  const baseURL = test.info().project.use.baseURL!;
  const db = testDb();
  const [desk, other] = [await makeBlindDesk(db), await makeBlindDesk(db)];
  const open = async (email?: string) => {
    const c = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
    if (email) expect([200, 302]).toContain((await signIn(c, email)).status());
    contexts.push(c);
    return c;
  };
  const byWho: Record<Who | "anonymous", APIRequestContext> = {
    anonymous: await open(),
    editor: await open(desk.editor.email),
    blindEditor: await open(desk.blindEditor.email),
    author: await open(desk.author.email),
    coReviewer: await open(desk.coReviewer.email),
    outsider: await open(desk.outsider.email),
    admin: await open(desk.admin.email),
    stranger: await open(other.editor.email),
    strangerAdmin: await open(other.admin.email),
  };
  const job = await byWho.author.post("/api/reports/zip", { data: { formats: ["csv"] } });
  expect(job.status()).toBe(202);
  const jobId = ((await job.json()) as { id: string }).id;
  const alias = await byWho.editor.post("/api/assist/aliases", { data: { alias: `Jens ${desk.tag}`, canonical: "Jens Stoltenberg" } });
  expect(alias.status()).toBeLessThan(300);
  const invitation = await byWho.admin.post("/api/team/invitations", {
    data: { email: `invited-${desk.tag}@claimdesk.test`, role: "reviewer" },
  });
  expect(invitation.status()).toBe(201);
  const membership = await db.membership.findFirstOrThrow({ where: { teamId: desk.team.id, userId: desk.outsider.id } });
  const fixtures: Fixtures = {
    aliasId: ((await alias.json()) as { id: string }).id,
    invitationId: ((await invitation.json()) as { invitation: { id: string } }).invitation.id,
    membershipId: membership.id,
  };
  await recordAuditOfDeskWork(desk);
  const as = (who: Who | "anonymous") => byWho[who];
  const send = (who: Who | "anonymous", req: Req, key = currentKey) => {
    const { route, method } = routeOf(key);
    const url = routeUrl(route, { jobId, ...fixtures, ...req.params }) + (req.query ? `?${req.query}` : "");
    return as(who).fetch(url, { method, ...(req.data === undefined ? {} : { data: req.data }) });
  };
  ctx = { desk, other, as, send: (who, req) => send(who, req), jobId, fixtures };
  anonymousSend = (req) => send("anonymous", req);
  anonymousContext = byWho.anonymous;
});

test.afterAll(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.dispose()));
});

let currentKey = "";
let anonymousSend: (req: Req) => Promise<APIResponse>;
let anonymousContext: APIRequestContext;

test("every route file has a row in the matrix, and every row names a route file", () => {
  const fromFiles = ROUTES.flatMap(keysOf).sort();
  const inMatrix = Object.keys(MATRIX).sort();
  expect(
    fromFiles.filter((k) => !MATRIX[k]),
    "routes with no row in MATRIX: add one",
  ).toEqual([]);
  expect(
    inMatrix.filter((k) => !fromFiles.includes(k)),
    "rows naming no route file",
  ).toEqual([]);
  for (const [key, row] of Object.entries(MATRIX)) {
    if (!row.public && row.blind.length === 0) expect(row.blindNote, `${key}: say why blind review cannot leak here`).toBeTruthy();
  }
});

for (const key of ROUTES.flatMap(keysOf)) {
  test(key, async () => {
    const row = MATRIX[key];
    expect(row, `${key} has no row in MATRIX`).toBeDefined();
    if (!row || row.public) return;
    currentKey = key;
    const { desk } = ctx;
    const req = row.req?.(desk) ?? {};

    await test.step("signed out: 401 with a JSON error", async () => {
      await expectJsonError(await anonymousSend(req), 401, `${key} signed out`);
    });

    await test.step("another team", async () => {
      if (row.otherTeam === 404) await expectJsonError(await ctx.send("stranger", req), 404, `${key} as another team`);
      else if (row.otherTeam === "own-team") {
        const res = await ctx.send("stranger", req);
        expect(res.status(), `${key} as another team`).toBeLessThan(300);
        await expectNone(res, deskStrings(desk), `${key} as another team`);
      } else if (row.otherTeam) await row.otherTeam(ctx);
    });

    if (row.wrongRole) {
      const wrong = row.wrongRole;
      await test.step(`wrong role (${wrong.as}): 403`, async () => {
        await expectJsonError(await ctx.send(wrong.as, wrong.req?.(desk) ?? req), 403, `${key} as ${wrong.as}`);
      });
    }

    for (const probe of row.blind) {
      await test.step(`blind review, as ${probe.as}`, async () => {
        if (typeof probe.expect === "function") return probe.expect(ctx);
        const res = await ctx.send(probe.as, probe.req?.(desk) ?? req);
        const what = `${key} as ${probe.as} during the blind round`;
        if (probe.expect === "scan") {
          expect(res.status(), what).toBeLessThan(300);
          await expectNone(res, secretsFor(probe.as, desk), what);
        } else await expectJsonError(res, probe.expect, what);
      });
    }
  });
}

// ─── Public routes (app/f) ──────────────────────────────────────────────

/**
 * The public routes of published fact-checks: served to anyone,
 * without a session, and only what an editor published. Each row says what a
 * signed-out caller gets for the desk (nothing is published on it) and
 * checks that no route reads the desk's live work.
 */
const PUBLIC_MATRIX: Record<string, { why: string; path: (d: BlindDesk) => string; status: 200 | 404 }> = {
  "GET /f/[team]": { why: "the team's published fact-checks (none yet)", path: (d) => `/f/${d.team.slug}`, status: 200 },
  "GET /f/[team]/feed.xml": { why: "the Atom feed of the index", path: (d) => `/f/${d.team.slug}/feed.xml`, status: 200 },
  "GET /f/[team]/rss.xml": { why: "the RSS feed of the index", path: (d) => `/f/${d.team.slug}/rss.xml`, status: 200 },
  "GET /f/[team]/feed.json": { why: "the JSON feed of the index", path: (d) => `/f/${d.team.slug}/feed.json`, status: 200 },
  "GET /f/[team]/[article]": {
    why: "a published fact-check; an unpublished article is a 404",
    path: (d) => `/f/${d.team.slug}/${d.x.id}`,
    status: 404,
  },
  "GET /f/[team]/[article]/text/[number]": {
    why: "the text a publish checked; none here",
    path: (d) => `/f/${d.team.slug}/article-x/text/1`,
    status: 404,
  },
  "GET /f/style.css": { why: "the public pages' stylesheet", path: () => "/f/style.css", status: 200 },
};

test("every public route file has a row in the public matrix, and every row names one", () => {
  const fromFiles = publicRoutes().flatMap(keysOf).sort();
  expect(fromFiles).toEqual(Object.keys(PUBLIC_MATRIX).sort());
});

for (const [key, row] of Object.entries(PUBLIC_MATRIX)) {
  test(`public: ${key}`, async () => {
    const { desk } = ctx;
    for (const who of ["anonymous", "stranger", "coReviewer"] as const) {
      const res = await (who === "anonymous" ? anonymousContext : ctx.as(who)).get(row.path(desk));
      expect(res.status(), `${key} as ${who} (${row.why})`).toBe(row.status);
      await expectNone(res, [...desk.secrets.coReviewer, ...Object.values(desk.mark)], `${key} as ${who}`);
    }
  });
}

// ─── Checks of their own ─────────────────────────────────────────────────

/**
 * Publishing X while round 2 is open on it is refused, for the editor outside
 * the round as for Bea inside it: the public page, which needs no sign-in,
 * would show its blind reviewers the earlier outcome. Nothing is public after.
 */
async function publishingWaitsForTheRound({ desk, as, other }: Ctx) {
  for (const who of ["editor", "blindEditor"] as const) {
    const res = await as(who).post(`/api/articles/${desk.x.id}/publication`, { data: {} });
    await expectJsonError(res, 409, `publishing X as ${who} during round 2`);
    await expectNone(res, secretsFor(who, desk), `publishing X as ${who}`);
  }
  expect(await testDb().publication.count({ where: { articleId: desk.x.id } })).toBe(0);
  const page = await as("coReviewer").get(`/f/${desk.team.slug}`);
  expect(page.status()).toBe(200);
  await expectNone(page, [...secretsFor("coReviewer", desk), ...deskStrings(other)], "the team's public index");
}

/** A stale write answers 409 with the current state: for a blind viewer, that answer must hold nothing hidden. */
async function staleAnswerIsScanned({ desk, send }: Ctx) {
  const res = await send("blindEditor", { params: x(desk), data: { version: 99, title: "Renamed" } });
  expect(res.status()).toBe(409);
  await expectNone(res, secretsFor("blindEditor", desk), "a stale article change's answer, as an editor reviewing it blind");
}

/**
 * Audit rows for the desk's work, as the use cases write them (the factories
 * write none), so the activity page has hidden work it could betray.
 */
async function recordAuditOfDeskWork(d: BlindDesk) {
  const row = (actorId: string, action: string, objectType: string, objectId: string) => ({
    teamId: d.team.id,
    actorId,
    action,
    objectType,
    objectId,
  });
  await testDb().auditEvent.createMany({
    data: [
      row(d.author.id, "claim.create", "annotation", d.hidden.id),
      row(d.author.id, "evidence_link.create", "evidence_link", d.hiddenLink.id),
      row(d.author.id, "evidence.create", "evidence", d.newItem.id),
      row(d.coReviewer.id, "claim.create", "annotation", d.benOwn.id),
      row(d.editor.id, "cluster.decide", "cluster", d.cluster.id),
      row(d.editor.id, "claim.create", "annotation", d.editorNote.id),
      row(d.editor.id, "claim.create", "annotation", d.visibleClaim.id),
    ],
  });
}

async function activityLeavesHiddenWorkOut({ desk, as }: Ctx) {
  const page = async (who: Who) => {
    const res = await as(who).get("/api/team/activity?limit=100");
    expect(res.status()).toBe(200);
    const text = await res.text();
    return { text, ids: (JSON.parse(text) as { events: { object: { id: string } }[] }).events.map((e) => e.object.id) };
  };
  const editor = await page("editor");
  await expectNone(editor.text, secretsFor("editor", desk), "the activity page of an editor outside the round");
  expect(editor.ids, "the editor sees the events of work she may see").toEqual(
    expect.arrayContaining([desk.cluster.id, desk.editorNote.id, desk.visibleClaim.id]),
  );
  const blind = await page("blindEditor");
  await expectNone(blind.text, secretsFor("blindEditor", desk), "the activity page of an editor reviewing X blind");
  expect(blind.ids).toContain(desk.visibleClaim.id);
  // Ann's library item made during the round is hidden from her co-reviewers, not from an editor outside it.
  expect(editor.ids).toContain(desk.newItem.id);
  expect(blind.ids).not.toContain(desk.newItem.id);
}

async function rosterCountsOnlyVisibleClaims({ desk, as }: Ctx) {
  const count = async (who: Who, memberId: string) => {
    const res = await as(who).get("/api/team/roster");
    expect(res.status()).toBe(200);
    const page = (await res.json()) as { members: { userId: string; claims: number }[] };
    return page.members.find((m) => m.userId === memberId)!.claims;
  };
  // Ann has one annotation in round 1 (revealed) and a draft in round 2 (open): an editor outside the round counts one.
  expect(await count("editor", desk.author.id), "the roster counts no blind draft").toBe(1);
  expect(await count("admin", desk.author.id)).toBe(1);
}

async function notListingRound1({ desk, as }: Ctx) {
  for (const who of ["coReviewer", "blindEditor"] as const) {
    const res = await as(who).get("/api/agreement");
    expect(res.status()).toBe(200);
    const rounds = ((await res.json()) as { roundId: string }[]).map((p) => p.roundId);
    expect(rounds, `${who} reviews X blind: the earlier round's figures are its outcome`).not.toContain(desk.round1.id);
  }
  // Everybody else sees it.
  const editor = ((await (await as("editor").get("/api/agreement")).json()) as { roundId: string }[]).map((p) => p.roundId);
  expect(editor).toContain(desk.round1.id);
}

async function importSeesNoHiddenDuplicate({ desk, as }: Ctx) {
  // The same span and verdict as the editor's note, which Ben may not see: a "duplicate" answer would betray it.
  const annotation = editorNoteCopy(desk);
  const res = await as("coReviewer").post(`/api/articles/${desk.x.id}/annotations/import`, { data: [annotation] });
  expect(res.status()).toBe(200);
  const report = (await res.json()) as { failed: { reason: string }[]; imported: { annotationId: string }[] };
  expect(report.failed.map((f) => f.reason)).not.toContain("duplicate");
  expect(report.imported).toHaveLength(1);
  // A reviewer's import during their blind round joins the round, as every annotation they make there does.
  const row = await testDb().annotation.findUniqueOrThrow({ where: { id: report.imported[0]!.annotationId } });
  expect(row.roundId).toBe(desk.round2.id);
}

async function claimCountMatchesList({ desk, as }: Ctx) {
  for (const who of ["coReviewer", "editor"] as const) {
    const list = (await (await as(who).get("/api/articles")).json()) as { id: string; claimCount: number }[];
    const claims = (await (await as(who).get(`/api/articles/${desk.x.id}/claims`)).json()) as { id: string }[];
    expect(list.find((a) => a.id === desk.x.id)?.claimCount, `${who}: claimCount counts only what the claims list shows`).toBe(
      claims.length,
    );
  }
}

async function usageMatchesCount({ desk, as }: Ctx) {
  for (const who of ["coReviewer", "editor"] as const) {
    const res = await as(who).get(`/api/evidence/${desk.sharedItem.id}`);
    expect(res.status()).toBe(200);
    const text = await res.text();
    await expectNone(text, secretsFor(who, desk), `GET /api/evidence/{id} as ${who}`);
    const item = JSON.parse(text) as { useCount: number; usedIn: { claimId: string; pinpoint: string | null }[] };
    expect(item.useCount, `${who}: the count betrays no hidden use`).toBe(item.usedIn.length);
    expect(item.usedIn.map((u) => u.claimId)).toContain(desk.visibleClaim.id);
  }
}

async function libraryHidesNewItemAndCountsVisibleUses({ desk, as }: Ctx) {
  for (const who of ["coReviewer", "editor"] as const) {
    const res = await as(who).get("/api/evidence?limit=100");
    expect(res.status()).toBe(200);
    const text = await res.text();
    const items = JSON.parse(text) as { id: string; useCount: number }[];
    if (who === "coReviewer") {
      await expectNone(text, secretsFor(who, desk), "GET /api/evidence as the co-reviewer");
      expect(items.map((i) => i.id)).not.toContain(desk.newItem.id);
    }
    const shared = items.find((i) => i.id === desk.sharedItem.id)!;
    const detail = (await (await as(who).get(`/api/evidence/${desk.sharedItem.id}`)).json()) as { usedIn: unknown[] };
    expect(shared.useCount, `${who}: useCount counts only uses they can see`).toBe(detail.usedIn.length);
  }
}

async function progressCountsOnlyOwn({ desk, as }: Ctx) {
  const rounds = (await (await as("blindEditor").get("/api/reviews")).json()) as {
    id: string;
    reviewers: { id: string; annotationCount: number | null }[];
  }[];
  const round2 = rounds.find((r) => r.id === desk.round2.id)!;
  for (const r of round2.reviewers) {
    if (r.id !== desk.blindEditor.id)
      expect(r.annotationCount, "an editor reviewing the round blind sees no one else's progress counts").toBeNull();
  }
  const detail = (await (await as("blindEditor").get(`/api/reviews/${desk.round2.id}`)).json()) as {
    reviewers: { id: string; annotationCount: number | null }[];
  };
  for (const r of detail.reviewers) if (r.id !== desk.blindEditor.id) expect(r.annotationCount).toBeNull();
}

async function zipLeavesHiddenWorkOut({ desk, as }: Ctx) {
  const start = await as("coReviewer").post("/api/reports/zip", { data: { formats: ["html", "md", "csv", "w3c", "claimreview"] } });
  expect(start.status()).toBe(202);
  const { id } = (await start.json()) as { id: string };
  await expect
    .poll(async () => ((await (await as("coReviewer").get(`/api/reports/zip/${id}`)).json()) as { status: string }).status, {
      timeout: 30_000,
    })
    .toBe("done");
  const zip = await JSZip.loadAsync(await (await as("coReviewer").get(`/api/reports/zip/${id}/download`)).body());
  const files = Object.values(zip.files).filter((f) => !f.dir);
  expect(files.length).toBeGreaterThan(1);
  const text = (await Promise.all(files.map((f) => f.async("string")))).join("\n");
  await expectNone(text, secretsFor("coReviewer", desk), "the team ZIP of a co-reviewer");
  // It is a real export: Y's visible claim is in it (by its annotation IRI: the other rows may have edited its rationale).
  expect(text).toContain(`urn:claimdesk:claim:${desk.visibleClaim.id}`);
}

async function strangerCannotMarkTheDeskRead({ desk, as }: Ctx) {
  const res = await as("stranger").post("/api/notifications/read", { data: { ids: [desk.notification.id] } });
  expect(res.status()).toBe(200);
  await expectNone(res, deskStrings(desk), "POST /api/notifications/read as another team");
  expect((await testDb().notification.findUniqueOrThrow({ where: { id: desk.notification.id } })).readAt).toBeNull();
}

/** Events up to (and including) the one with id `marker`. */
async function eventsUntil(stream: Awaited<ReturnType<typeof openEventStream>>, marker: string): Promise<LiveEvent[]> {
  const seen: LiveEvent[] = [];
  for (;;) {
    const e = await stream.nextEvent(10_000);
    seen.push(e);
    if (e.id === marker) return seen;
  }
}

async function strangerStreamGetsNothingOfTheDesk({ desk, other }: Ctx) {
  const base = test.info().project.use.baseURL!;
  const stream = await openEventStream(base, await signInAt(base, other.editor.email));
  try {
    expect(await stream.nextChunk()).toContain("retry:");
    const editor = await signInAt(base, desk.editor.email);
    const mine = await testDb().annotation.findUniqueOrThrow({ where: { id: desk.visibleClaim.id } });
    expect(
      (await callAs(base, editor, "PATCH", `/api/claims/${mine.id}`, { version: mine.version, rationale: "<p>Desk change.</p>" })).status,
    ).toBe(200);
    const theirs = await testDb().annotation.findUniqueOrThrow({ where: { id: other.visibleClaim.id } });
    const strangerCookie = await signInAt(base, other.editor.email);
    expect(
      (await callAs(base, strangerCookie, "PATCH", `/api/claims/${theirs.id}`, { version: theirs.version, rationale: "<p>Marker.</p>" }))
        .status,
    ).toBe(200);
    const events = await eventsUntil(stream, theirs.id);
    await expectNone(JSON.stringify(events), deskStrings(desk), "another team's event stream");
  } finally {
    stream.close();
  }
}

async function eventsLeaveHiddenWorkOut({ desk }: Ctx) {
  const base = test.info().project.use.baseURL!;
  const [author, editor] = [await signInAt(base, desk.author.email), await signInAt(base, desk.editor.email)];
  const streams = {
    coReviewer: await openEventStream(base, await signInAt(base, desk.coReviewer.email)),
    blindEditor: await openEventStream(base, await signInAt(base, desk.blindEditor.email)),
    editor: await openEventStream(base, editor),
    author: await openEventStream(base, author),
  };
  try {
    for (const s of Object.values(streams)) expect(await s.nextChunk()).toContain("retry:");
    // Ann edits her hidden draft and adds another in round 2.
    const hidden = await testDb().annotation.findUniqueOrThrow({ where: { id: desk.hidden.id } });
    expect(
      (
        await callAs(base, author, "PATCH", `/api/claims/${hidden.id}`, {
          version: hidden.version,
          rationale: `<p>${desk.mark.hiddenRationale} again</p>`,
        })
      ).status,
    ).toBe(200);
    const created = await callAs<{ id: string }>(base, author, "POST", `/api/articles/${desk.x.id}/claims`, {
      ...claimAt(desk, "Stoltenberg"),
      verdict: "unsourced",
    });
    expect(created.status).toBe(201);
    // The editor changes her note on X (outside rounds), then her claim on Y: the marker everybody gets.
    const note = await testDb().annotation.findUniqueOrThrow({ where: { id: desk.editorNote.id } });
    expect((await callAs(base, editor, "PATCH", `/api/claims/${note.id}`, { version: note.version, verdict: "disputed" })).status).toBe(
      200,
    );
    const visible = await testDb().annotation.findUniqueOrThrow({ where: { id: desk.visibleClaim.id } });
    expect(
      (await callAs(base, editor, "PATCH", `/api/claims/${visible.id}`, { version: visible.version, verdict: "unsourced" })).status,
    ).toBe(200);

    const roundWork = [desk.hidden.id, created.body.id];
    const seen = {
      coReviewer: await eventsUntil(streams.coReviewer, visible.id),
      blindEditor: await eventsUntil(streams.blindEditor, visible.id),
      editor: await eventsUntil(streams.editor, visible.id),
      author: await eventsUntil(streams.author, visible.id),
    };
    const ids = (events: LiveEvent[]) => events.map((e) => e.id);
    // Round work goes to its author only; what is on X goes to nobody reviewing it blind.
    expect(ids(seen.author)).toEqual(expect.arrayContaining(roundWork));
    for (const who of ["coReviewer", "blindEditor"] as const) {
      for (const id of [...roundWork, note.id]) expect(ids(seen[who]), `${who} must not hear of ${id}`).not.toContain(id);
      expect(
        seen[who].filter((e) => e.article === desk.x.id && e.kind !== "round"),
        `${who}: nothing about X`,
      ).toEqual([]);
    }
    for (const id of roundWork) expect(ids(seen.editor), `the editor outside the round must not hear of ${id}`).not.toContain(id);
    expect(ids(seen.editor)).toContain(note.id);
    // Ids, versions and flags: nothing of what changed.
    for (const events of Object.values(seen))
      for (const e of events)
        expect(
          Object.keys(e).every((k) => ["article", "id", "kind", "team", "version", "removed", "outcome", "text"].includes(k)),
          JSON.stringify(e),
        ).toBe(true);
  } finally {
    for (const s of Object.values(streams)) s.close();
  }
}
