import { test, expect, signIn, signedInRequest, testDb, expectSignedOutRefused } from "../support/fixtures";
import { NEW_PASSWORD, invite, makeAdminDesk, membershipOf } from "../support/people";
import { createArticle, createTeam, createUser } from "@/seeds/factories";

const unique = () => Math.random().toString(36).slice(2, 10);

async function status(res: Promise<{ status(): number; json(): Promise<unknown> }>) {
  const r = await res;
  const body = (await r.json().catch(() => null)) as { field?: string } | null;
  return `${r.status()}${body?.field ? `:${body.field}` : ""}`;
}

test.describe("people API: authorization", () => {
  test("should require authentication on every signed-in endpoint", async ({ request }) => {
    const endpoints: [string, string][] = [
      ["GET", "/api/team/roster"],
      ["PATCH", "/api/team/members/x"],
      ["POST", "/api/team/members/x/password-reset"],
      ["POST", "/api/team/invitations"],
      ["DELETE", "/api/team/invitations/x?version=1"],
      ["GET", "/api/team/settings"],
      ["PATCH", "/api/team/settings"],
      ["GET", "/api/team/activity"],
      ["POST", "/api/teams"],
      ["PUT", "/api/teams/active"],
      ["GET", "/api/account"],
      ["PATCH", "/api/account"],
      ["POST", "/api/account/password"],
    ];
    await expectSignedOutRefused(request, endpoints);
    // The public ones: setup is gone once anyone exists; unknown links are 404s.
    await makeAdminDesk();
    expect(
      await status(request.post("/api/setup", { data: { teamName: "X", name: "X", email: "x@x.test", password: NEW_PASSWORD } })),
    ).toBe("404");
    expect(await status(request.get("/api/invitations/not-a-token"))).toBe("404");
    expect(await status(request.get(`/api/invitations/${"A".repeat(43)}`))).toBe("404");
    expect(await status(request.post(`/api/invitations/${"A".repeat(43)}/accept`, { data: {} }))).toBe("404");
    expect(await status(request.get(`/api/password-resets/${"A".repeat(43)}`))).toBe("404");
    expect(await status(request.post(`/api/password-resets/${"A".repeat(43)}`, { data: { password: NEW_PASSWORD } }))).toBe("404");
  });

  test("another team's members, invitations and articles are 404s, and its activity is out of reach", async ({ playwright, request }) => {
    const desk = await makeAdminDesk();
    await signIn(request, desk.admin.email);
    const { invitation } = await invite(request, `x-${unique()}@claimdesk.test`);
    const reviewerRow = await membershipOf(desk.team.id, desk.reviewer.id);

    const other = await makeAdminDesk();
    const stranger = await signedInRequest(playwright, other.admin.email);
    expect(
      await status(stranger.patch(`/api/team/members/${reviewerRow.id}`, { data: { version: reviewerRow.version, role: "editor" } })),
    ).toBe("404");
    expect(await status(stranger.post(`/api/team/members/${reviewerRow.id}/password-reset`))).toBe("404");
    expect(await status(stranger.delete(`/api/team/invitations/${invitation.id}?version=${invitation.version}`))).toBe("404");
    expect(await status(stranger.put("/api/teams/active", { data: { teamId: desk.team.id } }))).toBe("404");
    // A team header naming a team one is not in is refused as signed out, never served from another team.
    expect(await status(stranger.get("/api/team/roster", { headers: { "x-claimdesk-team": desk.team.id } }))).toBe("401");
    const roster = (await (await stranger.get("/api/team/roster")).json()) as { members: { email: string }[]; invitations: unknown[] };
    expect(roster.members.map((m) => m.email)).not.toContain(desk.reviewer.email);
    expect(roster.invitations).toHaveLength(0);
    const activity = (await (await stranger.get(`/api/team/activity?article=${desk.article.id}`)).json()) as { events: unknown[] };
    expect(activity.events).toEqual([]);
    const mine = (await (await stranger.get(`/api/team/activity?actor=${desk.admin.id}`)).json()) as { events: unknown[] };
    expect(mine.events).toEqual([]);
    await stranger.dispose();
    expect((await membershipOf(desk.team.id, desk.reviewer.id)).role).toBe("reviewer");
  });

  test("editors read members and activity but change nothing; reviewers see neither", async ({ playwright }) => {
    const desk = await makeAdminDesk();
    const reviewerRow = await membershipOf(desk.team.id, desk.reviewer.id);
    const editor = await signedInRequest(playwright, desk.editor.email);
    expect(await status(editor.get("/api/team/roster"))).toBe("200");
    expect(await status(editor.get("/api/team/activity"))).toBe("200");
    expect(await status(editor.get("/api/team/settings"))).toBe("200");
    expect(await status(editor.post("/api/team/invitations", { data: { email: `e-${unique()}@claimdesk.test`, role: "reviewer" } }))).toBe(
      "403",
    );
    expect(
      await status(editor.patch(`/api/team/members/${reviewerRow.id}`, { data: { version: reviewerRow.version, role: "editor" } })),
    ).toBe("403");
    expect(await status(editor.post(`/api/team/members/${reviewerRow.id}/password-reset`))).toBe("403");
    expect(await status(editor.patch("/api/team/settings", { data: { version: 1, name: "Taken over" } }))).toBe("403");
    const reviewer = await signedInRequest(playwright, desk.reviewer.email);
    expect(await status(reviewer.get("/api/team/roster"))).toBe("403");
    expect(await status(reviewer.get("/api/team/activity"))).toBe("403");
    await Promise.all([editor.dispose(), reviewer.dispose()]);
    expect((await membershipOf(desk.team.id, desk.reviewer.id)).role).toBe("reviewer");
    expect(await testDb().invitation.count({ where: { teamId: desk.team.id } })).toBe(0);
  });
});

test.describe("people API: bad input", () => {
  test("invitations: a bad e-mail, an unknown role, someone already a member: 400 naming the field, nothing made", async ({ request }) => {
    const desk = await makeAdminDesk();
    await signIn(request, desk.admin.email);
    expect(await status(request.post("/api/team/invitations", { data: { email: "not-an-address", role: "reviewer" } }))).toBe("400:email");
    expect(await status(request.post("/api/team/invitations", { data: { email: `${unique()}@claimdesk.test`, role: "owner" } }))).toBe(
      "400:role",
    );
    expect(
      await status(request.post("/api/team/invitations", { data: { email: desk.reviewer.email.toUpperCase(), role: "reviewer" } })),
    ).toBe("400:email");
    expect(await status(request.post("/api/team/invitations", { data: { role: "reviewer" } }))).toBe("400:email");
    expect(await testDb().invitation.count({ where: { teamId: desk.team.id } })).toBe(0);
  });

  test("member changes, settings, activity, account and teams: 400 naming the field", async ({ request }) => {
    const desk = await makeAdminDesk();
    await signIn(request, desk.admin.email);
    const row = await membershipOf(desk.team.id, desk.reviewer.id);
    const cases: [string, () => Promise<unknown>, string][] = [
      [
        "role that does not exist",
        () => status(request.patch(`/api/team/members/${row.id}`, { data: { version: row.version, role: "owner" } })),
        "400:role",
      ],
      ["no version", () => status(request.patch(`/api/team/members/${row.id}`, { data: { role: "editor" } })), "400:version"],
      ["nothing to change", () => status(request.patch(`/api/team/members/${row.id}`, { data: { version: row.version } })), "400:role"],
      [
        "bad status",
        () => status(request.patch(`/api/team/members/${row.id}`, { data: { version: row.version, status: "banned" } })),
        "400:status",
      ],
      [
        "stale version",
        () => status(request.patch(`/api/team/members/${row.id}`, { data: { version: row.version + 5, role: "editor" } })),
        "409",
      ],
      ["bad slug", () => status(request.patch("/api/team/settings", { data: { version: 1, slug: "Not A Slug!" } })), "400:slug"],
      [
        "script URL",
        () => status(request.patch("/api/team/settings", { data: { version: 1, publisherUrl: "javascript:alert(1)" } })),
        "400:publisherUrl",
      ],
      [
        "long label",
        () => status(request.patch("/api/team/settings", { data: { version: 1, verdictLabels: { verified: "x".repeat(41) } } })),
        "400:verdictLabels.verified",
      ],
      ["bad cursor", () => status(request.get("/api/team/activity?before=yesterday")), "400:before"],
      ["huge page", () => status(request.get("/api/team/activity?limit=100000")), "400:limit"],
      ["bad action", () => status(request.get("/api/team/activity?action=DROP%20TABLE")), "400:action"],
      ["empty name", () => status(request.patch("/api/account", { data: { name: "  " } })), "400:name"],
      [
        "short password",
        () => status(request.post("/api/account/password", { data: { currentPassword: "claimdesk", newPassword: "short" } })),
        "400:newPassword",
      ],
      [
        "common password",
        () => status(request.post("/api/account/password", { data: { currentPassword: "claimdesk", newPassword: "password123!" } })),
        "400:newPassword",
      ],
      [
        "wrong current password",
        () => status(request.post("/api/account/password", { data: { currentPassword: "not-it", newPassword: NEW_PASSWORD } })),
        "400:currentPassword",
      ],
      ["bad team slug", () => status(request.post("/api/teams", { data: { name: "Night desk", slug: "--" } })), "400:slug"],
      ["no team name", () => status(request.post("/api/teams", { data: {} })), "400:name"],
      [
        "non-JSON body",
        () => status(request.post("/api/team/invitations", { data: "email=x", headers: { "content-type": "application/json" } })),
        "400",
      ],
    ];
    for (const [label, run, expected] of cases) expect(await run(), label).toBe(expected);
    expect((await membershipOf(desk.team.id, desk.reviewer.id)).role).toBe("reviewer");
    expect((await testDb().team.findUniqueOrThrow({ where: { id: desk.team.id } })).version).toBe(1);
  });
});

test.describe("people API: one-time links", () => {
  test("an invitation works once, for its address: reuse, expiry and withdrawal are 400s naming the token", async ({
    request,
    playwright,
  }) => {
    const desk = await makeAdminDesk();
    await signIn(request, desk.admin.email);
    const email = `new-${unique()}@claimdesk.test`;
    const { token, invitation } = await invite(request, email, "editor");
    const stored = await testDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    const anon = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    const preview = await anon.get(`/api/invitations/${token}`);
    expect(await preview.json()).toMatchObject({ email, role: "editor", teamName: desk.team.name, accountExists: false });
    // A weak password or no name makes nothing: no user, the invitation still pending.
    expect(await status(anon.post(`/api/invitations/${token}/accept`, { data: { name: "Nia", password: "qwertyuiop" } }))).toBe(
      "400:password",
    );
    expect(await status(anon.post(`/api/invitations/${token}/accept`, { data: { password: NEW_PASSWORD } }))).toBe("400:name");
    expect(await testDb().user.count({ where: { email } })).toBe(0);
    expect((await testDb().invitation.findUniqueOrThrow({ where: { id: invitation.id } })).acceptedAt).toBeNull();

    const accepted = await anon.post(`/api/invitations/${token}/accept`, { data: { name: "Nia Novak", password: NEW_PASSWORD } });
    expect(accepted.status()).toBe(201);
    const user = await testDb().user.findUniqueOrThrow({ where: { email } });
    expect((await membershipOf(desk.team.id, user.id)).role).toBe("editor");
    expect(await status(anon.post(`/api/invitations/${token}/accept`, { data: { name: "Again", password: NEW_PASSWORD } }))).toBe(
      "400:token",
    );
    expect(await status(anon.get(`/api/invitations/${token}`))).toBe("400:token");
    // Inviting someone already a member is refused.
    expect(await status(request.post("/api/team/invitations", { data: { email, role: "reviewer" } }))).toBe("400:email");

    const lateEmail = `late-${unique()}@claimdesk.test`;
    const goneEmail = `gone-${unique()}@claimdesk.test`;
    const late = await invite(request, lateEmail);
    await testDb().invitation.update({ where: { id: late.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await status(anon.post(`/api/invitations/${late.token}/accept`, { data: { name: "Late", password: NEW_PASSWORD } }))).toBe(
      "400:token",
    );

    const withdrawn = await invite(request, goneEmail);
    expect(await status(request.delete(`/api/team/invitations/${withdrawn.invitation.id}?version=${withdrawn.invitation.version}`))).toBe(
      "200",
    );
    expect(
      await status(request.delete(`/api/team/invitations/${withdrawn.invitation.id}?version=${withdrawn.invitation.version + 1}`)),
    ).toBe("409");
    expect(await status(anon.post(`/api/invitations/${withdrawn.token}/accept`, { data: { name: "Gone", password: NEW_PASSWORD } }))).toBe(
      "400:token",
    );
    expect(await testDb().user.count({ where: { email: { in: [lateEmail, goneEmail] } } })).toBe(0);
    await anon.dispose();
  });

  test("two accepts of one invitation at once make one account and one membership", async ({ request, playwright }) => {
    const desk = await makeAdminDesk();
    await signIn(request, desk.admin.email);
    const email = `race-${unique()}@claimdesk.test`;
    const { token } = await invite(request, email);
    const contexts = await Promise.all([0, 1, 2].map(() => playwright.request.newContext({ baseURL: test.info().project.use.baseURL })));
    const results = await Promise.all(
      contexts.map((c) => status(c.post(`/api/invitations/${token}/accept`, { data: { name: "Racer", password: NEW_PASSWORD } }))),
    );
    expect(results.filter((r) => r === "201")).toHaveLength(1);
    expect(results.filter((r) => r !== "201").every((r) => r === "400:token" || r === "409:email")).toBe(true);
    expect(await testDb().user.count({ where: { email } })).toBe(1);
    await Promise.all(contexts.map((c) => c.dispose()));
  });

  test("an existing account joins by signing in; someone signed in as another address is refused", async ({ request, playwright }) => {
    const desk = await makeAdminDesk();
    const elsewhere = await createTeam(testDb());
    const known = await createUser(testDb(), { team: elsewhere, role: "reviewer" });
    await signIn(request, desk.admin.email);
    const { token } = await invite(request, known.email);
    const anon = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    expect((await (await anon.get(`/api/invitations/${token}`)).json()).accountExists).toBe(true);
    expect(await status(anon.post(`/api/invitations/${token}/accept`, { data: { name: "Someone", password: NEW_PASSWORD } }))).toBe(
      "409:email",
    );
    const wrong = await signedInRequest(playwright, desk.editor.email);
    expect(await status(wrong.post(`/api/invitations/${token}/accept`, { data: {} }))).toBe("403");
    const right = await signedInRequest(playwright, known.email);
    expect(await status(right.post(`/api/invitations/${token}/accept`, { data: {} }))).toBe("201");
    const account = (await (await right.get("/api/account")).json()) as { teams: { id: string }[]; activeTeamId: string };
    expect(account.teams.map((t) => t.id).sort()).toEqual([desk.team.id, elsewhere.id].sort());
    expect(account.activeTeamId).toBe(desk.team.id);
    await Promise.all([anon.dispose(), wrong.dispose(), right.dispose()]);
  });

  test("a password link works once and ends every session; reuse and expiry are 400s naming the token", async ({ request, playwright }) => {
    const desk = await makeAdminDesk();
    const member = await signedInRequest(playwright, desk.reviewer.email);
    expect(await status(member.get("/api/team"))).toBe("200");
    await signIn(request, desk.admin.email);
    const row = await membershipOf(desk.team.id, desk.reviewer.id);
    const res = await request.post(`/api/team/members/${row.id}/password-reset`);
    expect(res.status()).toBe(201);
    const link = (await res.json()) as { url: string; emailed: boolean };
    expect(link.emailed).toBe(false);
    const token = link.url.split("/reset/")[1]!;
    const anon = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    expect(await (await anon.get(`/api/password-resets/${token}`)).json()).toMatchObject({ email: desk.reviewer.email });
    expect(await status(anon.post(`/api/password-resets/${token}`, { data: { password: "letmein123" } }))).toBe("400:password");
    expect(await status(anon.post(`/api/password-resets/${token}`, { data: { password: NEW_PASSWORD } }))).toBe("200");
    expect(await status(anon.post(`/api/password-resets/${token}`, { data: { password: `${NEW_PASSWORD}x` } }))).toBe("400:token");
    // The member's old session is over; the new password works.
    expect(await status(member.get("/api/team"))).toBe("401");
    const again = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
    await signIn(again, desk.reviewer.email, NEW_PASSWORD);
    expect(await status(again.get("/api/team"))).toBe("200");

    const second = (await (await request.post(`/api/team/members/${row.id}/password-reset`)).json()) as { url: string };
    const expired = second.url.split("/reset/")[1]!;
    await testDb().passwordReset.updateMany({
      where: { userId: desk.reviewer.id, usedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await status(anon.post(`/api/password-resets/${expired}`, { data: { password: NEW_PASSWORD } }))).toBe("400:token");
    await Promise.all([member.dispose(), anon.dispose(), again.dispose()]);
  });
});

test.describe("people API: members, sessions and teams", () => {
  test("a team keeps an active admin: the last one can be neither demoted nor deactivated; two admins demoting each other leave one", async ({
    request,
    playwright,
  }) => {
    const desk = await makeAdminDesk();
    await signIn(request, desk.admin.email);
    const self = await membershipOf(desk.team.id, desk.admin.id);
    expect(await status(request.patch(`/api/team/members/${self.id}`, { data: { version: self.version, role: "editor" } }))).toBe(
      "409:role",
    );
    expect(await status(request.patch(`/api/team/members/${self.id}`, { data: { version: self.version, status: "deactivated" } }))).toBe(
      "409:status",
    );

    const second = await createUser(testDb(), { team: desk.team, role: "admin" });
    const other = await signedInRequest(playwright, second.email);
    const theirs = await membershipOf(desk.team.id, second.id);
    const results = await Promise.all([
      status(request.patch(`/api/team/members/${theirs.id}`, { data: { version: theirs.version, role: "editor" } })),
      status(other.patch(`/api/team/members/${self.id}`, { data: { version: self.version, role: "editor" } })),
    ]);
    // The loser is refused either by the guardrail or, when the winner demoted them first, as no longer an admin.
    expect(results.filter((r) => r === "200")).toHaveLength(1);
    expect(results.filter((r) => r !== "200")).toEqual([expect.stringMatching(/^(409:role|403)$/)]);
    expect(await testDb().membership.count({ where: { teamId: desk.team.id, role: "admin", deactivatedAt: null } })).toBe(1);
    await other.dispose();
  });

  test("role changes and deactivation take effect on the member's next request; their work stays attributed", async ({
    request,
    playwright,
  }) => {
    const desk = await makeAdminDesk();
    const member = await signedInRequest(playwright, desk.reviewer.email);
    const phrase = "hundreds of tanks";
    const start = [...desk.text.slice(0, desk.text.indexOf(phrase))].length;
    const claim = await member.post(`/api/articles/${desk.article.id}/claims`, {
      data: { versionId: desk.version.id, start, end: start + [...phrase].length, verdict: "disputed" },
    });
    expect(claim.status()).toBe(201);
    const startRound = () =>
      member.post("/api/reviews", { data: { articleId: desk.article.id, reviewerIds: [desk.editor.id], adjudicatorId: desk.admin.id } });
    expect(await status(startRound())).toBe("403");

    await signIn(request, desk.admin.email);
    let row = await membershipOf(desk.team.id, desk.reviewer.id);
    expect(await status(request.patch(`/api/team/members/${row.id}`, { data: { version: row.version, role: "editor" } }))).toBe("200");
    expect(await status(startRound())).toBe("201");

    row = await membershipOf(desk.team.id, desk.reviewer.id);
    expect(await status(request.patch(`/api/team/members/${row.id}`, { data: { version: row.version, status: "deactivated" } }))).toBe(
      "200",
    );
    expect(await status(member.get(`/api/articles/${desk.article.id}/claims`))).toBe("401");
    // Not in pickers, not assignable; the claim is still theirs.
    const pickers = (await (await request.get("/api/team/members")).json()) as { id: string }[];
    expect(pickers.map((p) => p.id)).not.toContain(desk.reviewer.id);
    const other = await createArticle(testDb(), { team: desk.team, text: "Another text to review." });
    expect(
      await status(
        request.post("/api/reviews", { data: { articleId: other.id, reviewerIds: [desk.reviewer.id], adjudicatorId: desk.admin.id } }),
      ),
    ).toBe("400:reviewerIds");
    const roster = (await (await request.get("/api/team/roster")).json()) as {
      members: { userId: string; status: string; claims: number }[];
    };
    expect(roster.members.find((m) => m.userId === desk.reviewer.id)).toMatchObject({ status: "deactivated", claims: 1 });
    const claims = (await (await request.get(`/api/articles/${desk.article.id}/claims`)).json()) as { author: { id: string } }[];
    expect(claims.map((c) => c.author.id)).toContain(desk.reviewer.id);
    row = await membershipOf(desk.team.id, desk.reviewer.id);
    expect(await status(request.patch(`/api/team/members/${row.id}`, { data: { version: row.version, status: "active" } }))).toBe("200");
    expect(await status(member.get(`/api/articles/${desk.article.id}/claims`))).toBe("200");
    await member.dispose();
  });

  test("a password change ends the other sessions and keeps this one", async ({ playwright }) => {
    const desk = await makeAdminDesk();
    const here = await signedInRequest(playwright, desk.editor.email);
    const there = await signedInRequest(playwright, desk.editor.email);
    expect(await status(here.post("/api/account/password", { data: { currentPassword: "claimdesk", newPassword: NEW_PASSWORD } }))).toBe(
      "200",
    );
    expect(await status(here.get("/api/team"))).toBe("200");
    expect(await status(there.get("/api/team"))).toBe("401");
    await Promise.all([here.dispose(), there.dispose()]);
  });

  test("any member makes a team and becomes its admin; switching needs a membership; a taken slug is a 409", async ({ request }) => {
    const desk = await makeAdminDesk();
    await signIn(request, desk.reviewer.email);
    const slug = `night-${unique()}`;
    const made = await request.post("/api/teams", { data: { name: "Night desk", slug } });
    expect(made.status()).toBe(201);
    const team = (await made.json()) as { id: string };
    expect((await (await request.get("/api/team")).json()) as { teamId: string; role: string }).toMatchObject({
      teamId: team.id,
      role: "admin",
    });
    expect(await status(request.post("/api/teams", { data: { name: "Night desk", slug } }))).toBe("409:slug");
    expect(await status(request.put("/api/teams/active", { data: { teamId: desk.team.id } }))).toBe("200");
    expect(((await (await request.get("/api/team")).json()) as { teamId: string }).teamId).toBe(desk.team.id);
    // The header pins a request to a team regardless of the cookie.
    expect(
      ((await (await request.get("/api/team", { headers: { "x-claimdesk-team": team.id } })).json()) as { teamId: string }).teamId,
    ).toBe(team.id);
    expect(await testDb().auditEvent.count({ where: { teamId: team.id, action: "team.create" } })).toBe(1);
  });

  test("settings change with the version read, a taken slug is a 409, and the report's ClaimReview uses them", async ({ request }) => {
    const desk = await makeAdminDesk();
    const taken = await createTeam(testDb());
    await signIn(request, desk.admin.email);
    const before = (await (await request.get("/api/team/settings")).json()) as { version: number };
    expect(await status(request.patch("/api/team/settings", { data: { version: before.version, slug: taken.slug } }))).toBe("409:slug");
    const saved = await request.patch("/api/team/settings", {
      data: {
        version: before.version,
        publisherName: "Seoul Fact Check",
        publisherUrl: "https://factcheck.example/",
        verdictLabels: { disputed: "False" },
      },
    });
    expect(saved.status()).toBe(200);
    expect(await status(request.patch("/api/team/settings", { data: { version: before.version, name: "Stale" } }))).toBe("409");
    const phrase = "hundreds of tanks";
    const start = [...desk.text.slice(0, desk.text.indexOf(phrase))].length;
    await request.post(`/api/articles/${desk.article.id}/claims`, {
      data: { versionId: desk.version.id, start, end: start + [...phrase].length, verdict: "disputed" },
    });
    const reviews = (await (
      await request.get(`/api/articles/${desk.article.id}/report?format=claimreview&publishUrl=https://factcheck.example/checks/x`)
    ).json()) as {
      author: unknown;
      reviewRating: { alternateName: string };
    }[];
    expect(reviews[0]!.author).toEqual({ "@type": "Organization", name: "Seoul Fact Check", url: "https://factcheck.example/" });
    expect(reviews[0]!.reviewRating.alternateName).toBe("False");
    const audit = await testDb().auditEvent.findFirstOrThrow({ where: { teamId: desk.team.id, action: "team.update" } });
    expect(audit.actorId).toBe(desk.admin.id);
  });

  test("activity pages by keyset and filters by person, action and article", async ({ request }) => {
    const desk = await makeAdminDesk();
    await signIn(request, desk.admin.email);
    for (let i = 0; i < 3; i++) await invite(request, `page-${i}-${unique()}@claimdesk.test`);
    const phrase = "hundreds of tanks";
    const start = [...desk.text.slice(0, desk.text.indexOf(phrase))].length;
    await request.post(`/api/articles/${desk.article.id}/claims`, {
      data: { versionId: desk.version.id, start, end: start + [...phrase].length, verdict: "verified" },
    });
    const first = (await (await request.get("/api/team/activity?limit=2")).json()) as {
      events: { id: string; action: string }[];
      next: string;
    };
    expect(first.events.map((e) => e.action)).toEqual(["claim.create", "member.invite"]);
    const second = (await (await request.get(`/api/team/activity?limit=2&before=${first.next}`)).json()) as {
      events: { id: string; action: string }[];
      next: string | null;
    };
    expect(second.events.map((e) => e.action)).toEqual(["member.invite", "member.invite"]);
    expect(second.events.map((e) => e.id)).not.toContain(first.events[1]!.id);
    expect(second.next).toBeNull();
    const byArticle = (await (await request.get(`/api/team/activity?article=${desk.article.id}`)).json()) as {
      events: { action: string; object: { href: string } }[];
    };
    expect(byArticle.events.map((e) => e.action)).toEqual(["claim.create"]);
    expect(byArticle.events[0]!.object.href).toBe(`/articles/${desk.article.id}`);
    const byAction = (await (await request.get("/api/team/activity?action=member")).json()) as { events: unknown[] };
    expect(byAction.events).toHaveLength(3);
    const byPerson = (await (await request.get(`/api/team/activity?actor=${desk.editor.id}`)).json()) as { events: unknown[] };
    expect(byPerson.events).toHaveLength(0);
  });
});
