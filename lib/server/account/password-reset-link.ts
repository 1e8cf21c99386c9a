import type { Db } from "@/lib/db";
import { AppError, notFound } from "@/lib/errors";
import { hashOneTimeToken, isOneTimeToken } from "@/lib/server/team/one-time-token";

type Tx = Pick<Db, "passwordReset">;

/** The unused, unexpired reset a link's token names: 404 for none, 400 naming `token` when used or expired. */
export async function findPasswordReset(tx: Tx, token: string) {
  if (!isOneTimeToken(token)) throw notFound("This password link is not valid.");
  const row = await tx.passwordReset.findUnique({
    where: { tokenHash: hashOneTimeToken(token) },
    select: { id: true, userId: true, usedAt: true, expiresAt: true, user: { select: { email: true, name: true } } },
  });
  if (!row) throw notFound("This password link is not valid.");
  if (row.usedAt)
    throw new AppError("INVALID_INPUT", "This password link was already used. Ask an admin for a new one.", { field: "token" });
  if (row.expiresAt <= new Date())
    throw new AppError("INVALID_INPUT", "This password link has expired. Ask an admin for a new one.", { field: "token" });
  return row;
}
