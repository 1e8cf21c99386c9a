/**
 * First run without the demo (CLAIMDESK_DEMO=0, or PostgreSQL by default):
 * the database has no user, and the first visit gets a setup page that makes
 * the first team and its admin. Once any user exists the page and its API are
 * gone (404), for good.
 *
 * Two setups at once make one admin: the transaction inserts the `FirstRun`
 * row, whose fixed primary key lets only one of them commit; the other fails
 * on the key and rolls back whole (no team, no user).
 */
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { isUniqueViolation } from "@/lib/db/busy-retry";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import type { SetupInput } from "@/lib/schemas/team";
import { makeTeam } from "@/lib/server/team/create-team";

const FIRST_RUN_ID = "first-run";
let done = false;

/** True while the install has no user at all (cached once false: users are never all removed). */
export async function needsSetup(): Promise<boolean> {
  if (done) return false;
  done = (await db.user.findFirst({ select: { id: true } })) !== null;
  return !done;
}

const alreadySetUp = () => new AppError("NOT_FOUND", "Claimdesk is already set up. Sign in instead.");

/** POST /api/setup (no sign-in): the first team and its admin. */
export async function runSetup(input: SetupInput): Promise<{ email: string; teamId: string }> {
  if (!(await needsSetup())) throw alreadySetUp();
  assertStrongPassword(input.password, "password", { email: input.email, name: input.name });
  const passwordHash = await hashPassword(input.password);
  try {
    const teamId = await db.$transaction(
      async (tx) => {
        await tx.firstRun.create({ data: { id: FIRST_RUN_ID } });
        if (await tx.user.findFirst({ select: { id: true } })) throw alreadySetUp();
        const user = await tx.user.create({
          data: { email: input.email, name: input.name, passwordHash, emailVerified: new Date() },
          select: { id: true },
        });
        return (await makeTeam(tx, user.id, { name: input.teamName, slug: input.teamSlug })).id;
        // Simultaneous setups queue for SQLite's one writer; a loser must get its 404, not time out waiting.
      },
      { maxWait: 15_000, timeout: 30_000 },
    );
    done = true;
    return { email: input.email, teamId };
  } catch (e) {
    if (isUniqueViolation(e)) throw alreadySetUp();
    throw e;
  }
}
