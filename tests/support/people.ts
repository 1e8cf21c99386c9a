/** Test helpers of the people pages: a desk with an admin, invitations and password links made through the API. */
import { expect, type APIRequestContext } from "@playwright/test";
import { createUser } from "@/seeds/factories";
import { makeDesk, testDb, type Member } from "./fixtures";

/** A desk (editor, reviewer, article) with an admin too. */
export async function makeAdminDesk() {
  const desk = await makeDesk();
  const u = await createUser(testDb(), { team: desk.team, role: "admin" });
  const admin: Member = { id: u.id, email: u.email, role: "admin" };
  return { ...desk, admin };
}

/** A strong password no list holds. */
export const NEW_PASSWORD = "Gdynia tank deal 2022!";

/** Invites `email` as `role` through the API (as the admin `request` is signed in as); returns the link's token and the invitation. */
export async function invite(request: APIRequestContext, email: string, role = "reviewer") {
  const res = await request.post("/api/team/invitations", { data: { email, role } });
  expect(res.status(), await res.text()).toBe(201);
  const body = (await res.json()) as { invitation: { id: string; version: number }; link: { url: string; emailed: boolean } };
  return { ...body, token: body.link.url.split("/invite/")[1]! };
}

/** The membership row of `userId` in `teamId`. */
export const membershipOf = (teamId: string, userId: string) =>
  testDb().membership.findUniqueOrThrow({ where: { teamId_userId: { teamId, userId } } });
