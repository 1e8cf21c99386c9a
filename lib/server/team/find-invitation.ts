import type { Db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { invitationStatus } from "./member-dto";
import { hashOneTimeToken, isOneTimeToken } from "./one-time-token";

type Tx = Pick<Db, "invitation">;

const UNUSABLE = {
  accepted: "This invitation was already used. Sign in instead.",
  expired: "This invitation has expired. Ask an admin of the team for a new one.",
  revoked: "This invitation was withdrawn. Ask an admin of the team for a new one.",
} as const;

/**
 * The pending invitation a link's token names: 404 for a token that names
 * none, 400 naming `token` for one that was used, withdrawn or has expired.
 */
export async function findPendingInvitation(tx: Tx, token: string) {
  if (!isOneTimeToken(token)) throw notFound("This invitation link is not valid.");
  const row = await tx.invitation.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: {
      id: true,
      teamId: true,
      email: true,
      role: true,
      expiresAt: true,
      acceptedAt: true,
      revokedAt: true,
      version: true,
      team: { select: { name: true } },
      invitedBy: { select: { name: true, email: true } },
    },
  });
  if (!row) throw notFound("This invitation link is not valid.");
  const status = invitationStatus(row);
  if (status !== "pending") throw new AppError("INVALID_INPUT", UNUSABLE[status], { field: "token" });
  return row;
}
