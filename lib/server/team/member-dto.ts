import type { Role } from "@/lib/policies/roles";
import type { InvitationDto, InvitationStatus, MemberRowDto } from "@/lib/schemas/team";

/** The membership columns a members-page row is made of. */
export const memberRowSelect = {
  id: true,
  role: true,
  deactivatedAt: true,
  lastActiveAt: true,
  createdAt: true,
  version: true,
  user: { select: { id: true, name: true, email: true } },
} as const;

type MemberRow = {
  id: string;
  role: string;
  deactivatedAt: Date | null;
  lastActiveAt: Date | null;
  createdAt: Date;
  version: number;
  user: { id: string; name: string | null; email: string };
};

export function toMemberRowDto(m: MemberRow, counts: { claims?: number; reviews?: number } = {}): MemberRowDto {
  return {
    membershipId: m.id,
    userId: m.user.id,
    name: m.user.name,
    email: m.user.email,
    role: m.role as Role,
    status: m.deactivatedAt ? "deactivated" : "active",
    lastActiveAt: m.lastActiveAt?.toISOString() ?? null,
    joinedAt: m.createdAt.toISOString(),
    claims: counts.claims ?? 0,
    reviews: counts.reviews ?? 0,
    version: m.version,
  };
}

export const invitationSelect = {
  id: true,
  email: true,
  role: true,
  createdAt: true,
  expiresAt: true,
  acceptedAt: true,
  revokedAt: true,
  version: true,
  invitedBy: { select: { id: true, name: true } },
} as const;

type InvitationRow = {
  id: string;
  email: string;
  role: string;
  createdAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  version: number;
  invitedBy: { id: string; name: string | null } | null;
};

/** Where an invitation stands now. */
export function invitationStatus(i: Pick<InvitationRow, "acceptedAt" | "revokedAt" | "expiresAt">, now = new Date()): InvitationStatus {
  if (i.acceptedAt) return "accepted";
  if (i.revokedAt) return "revoked";
  return i.expiresAt <= now ? "expired" : "pending";
}

export function toInvitationDto(i: InvitationRow): InvitationDto {
  return {
    id: i.id,
    email: i.email,
    role: i.role as Role,
    status: invitationStatus(i),
    invitedBy: i.invitedBy,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    version: i.version,
  };
}
