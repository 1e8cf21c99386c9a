import { db } from "@/lib/db";
import type { SignedInAccount } from "@/lib/auth/current-user";
import { auditAcrossTeams } from "./audit-across-teams";

/** PATCH /api/account: the person's display name (shown on their claims, reviews and decisions). */
export async function updateAccount(account: SignedInAccount, input: { name: string }): Promise<{ name: string }> {
  if (input.name === account.name) return { name: input.name };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: account.id }, data: { name: input.name } });
    await auditAcrossTeams(tx, account.id, "account.rename", { before: account.name, after: input.name });
  });
  return { name: input.name };
}
