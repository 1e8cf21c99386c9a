import { getServerSession } from "next-auth";
import { cookies } from "next/headers";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authOptions } from "./options";
import type { Role } from "@/lib/policies/roles";

/** Cookie naming the team a member of several teams is working in. */
export const ACTIVE_TEAM_COOKIE = "claimdesk-team";

/** The signed-in user, in the team they are working in. */
export type CurrentUser = {
  id: string;
  email: string;
  name: string | null;
  teamId: string;
  teamName: string;
  role: Role;
  teams: { id: string; name: string; role: Role }[];
};

/** The signed-in member, or null when signed out or in no team. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await getServerSession(authOptions);
  const userId = (session?.user as { id?: string } | undefined)?.id;
  if (!userId) return null;
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, name: true, memberships: { include: { team: true }, orderBy: { createdAt: "asc" } } },
  });
  if (!user || user.memberships.length === 0) return null;
  const wanted = (await cookies()).get(ACTIVE_TEAM_COOKIE)?.value;
  const active = user.memberships.find((m) => m.teamId === wanted) ?? user.memberships[0]!;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    teamId: active.teamId,
    teamName: active.team.name,
    role: active.role,
    teams: user.memberships.map((m) => ({ id: m.teamId, name: m.team.name, role: m.role })),
  };
}

/** The signed-in member, or an UNAUTHENTICATED error. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
