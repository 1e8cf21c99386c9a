import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/busy-retry";
import { AppError } from "@/lib/errors";
import type { SignedInAccount } from "@/lib/auth/current-user";
import { hashPassword } from "@/lib/auth/password";
import { assertStrongPassword } from "@/lib/auth/password-policy";
import type { AcceptInvitationInput } from "@/lib/schemas/team";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findPendingInvitation } from "./find-invitation";
import { invitationStatus } from "./member-dto";

export type AcceptedInvitation = { teamId: string; userId: string; email: string; newAccount: boolean };

/**
 * POST /api/invitations/{token}/accept (no sign-in needed). Either:
 * - the caller is signed in as the invited address (an existing account, or
 *   one an OAuth provider made after verifying the address): they join; or
 * - nobody has an account with the address yet: the body's name and password
 *   make one, and it joins.
 * Single use, also when two accepts race: the invitation is taken by a
 * compare-and-set on its version inside the transaction that makes the
 * account and the membership, so either all of it happens or none.
 */
export async function acceptInvitation(
  token: string,
  account: SignedInAccount | null,
  input: AcceptInvitationInput,
): Promise<AcceptedInvitation> {
  const invitation = await findPendingInvitation(db, token);
  if (account && account.email !== invitation.email) {
    throw new AppError(
      "FORBIDDEN",
      `You are signed in as ${account.email}, but this invitation is for ${invitation.email}. Sign out first, or ask for an invitation to your address.`,
    );
  }
  let passwordHash: string | null = null;
  if (!account) {
    if ((await db.user.count({ where: { email: invitation.email } })) > 0) {
      throw new AppError("CONFLICT", `${invitation.email} already has a Claimdesk account: sign in with it to accept.`, { field: "email" });
    }
    if (!input.name) throw new AppError("INVALID_INPUT", "Enter your name.", { field: "name" });
    if (!input.password) throw new AppError("INVALID_INPUT", "Choose a password.", { field: "password" });
    assertStrongPassword(input.password, "password", { email: invitation.email, name: input.name });
    passwordHash = await hashPassword(input.password);
  }

  return db
    .$transaction(async (tx) => {
      const taken = await tx.invitation.updateMany({
        where: { id: invitation.id, version: invitation.version, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
        data: { acceptedAt: new Date(), version: { increment: 1 } },
      });
      if (taken.count === 0) {
        const now = await tx.invitation.findUniqueOrThrow({
          where: { id: invitation.id },
          select: { acceptedAt: true, revokedAt: true, expiresAt: true },
        });
        const status = invitationStatus(now);
        throw new AppError(
          "INVALID_INPUT",
          status === "accepted"
            ? "This invitation was already used. Sign in instead."
            : `This invitation is ${status === "pending" ? "being accepted" : status}.`,
          { field: "token" },
        );
      }
      const userId = account
        ? account.id
        : (
            await tx.user.create({
              data: { email: invitation.email, name: input.name!, passwordHash, emailVerified: new Date() },
              select: { id: true },
            })
          ).id;
      const existing = await tx.membership.findUnique({
        where: { teamId_userId: { teamId: invitation.teamId, userId } },
        select: { id: true },
      });
      if (existing) throw new AppError("INVALID_INPUT", `${invitation.email} is already a member of this team.`, { field: "email" });
      const membership = await tx.membership.create({
        data: { teamId: invitation.teamId, userId, role: invitation.role },
        select: { id: true },
      });
      await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedById: userId } });
      await recordAuditEvent(tx, {
        teamId: invitation.teamId,
        actorId: userId,
        action: "member.join",
        objectType: "membership",
        objectId: membership.id,
        after: { userId, email: invitation.email, role: invitation.role, invitationId: invitation.id },
      });
      return { teamId: invitation.teamId, userId, email: invitation.email, newAccount: !account };
    })
    .catch((e: unknown) => {
      // Two invitations to one address accepted at once: the second account insert hits the unique e-mail.
      if (isUniqueViolation(e))
        throw new AppError("CONFLICT", `${invitation.email} already has a Claimdesk account: sign in with it to accept.`, {
          field: "email",
        });
      throw e;
    });
}
