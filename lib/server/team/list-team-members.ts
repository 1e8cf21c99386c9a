import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import { teamPermissions } from "@/lib/policies/team";
import type { MembersPageDto } from "@/lib/schemas/team";
import { mailEnabled } from "@/lib/server/mail/send-mail";
import { requirePermission } from "@/lib/server/require-permission";
import { invitationSelect, memberRowSelect, toInvitationDto, toMemberRowDto } from "./member-dto";

/**
 * GET /api/team/members?view=all: the members page. Every member, deactivated
 * ones included, with their counts of claims and review assignments in this
 * team (claims as far as the viewer may see them: a blind round's drafts are
 * not counted); pending invitations for admins. Editors may look, not change.
 */
export async function listTeamMembers(user: Viewer): Promise<MembersPageDto> {
  requirePermission(user, "members.view");
  const can = teamPermissions(user);
  const [members, claims, reviews, invitations] = await Promise.all([
    db.membership.findMany({ where: { teamId: user.teamId }, select: memberRowSelect }),
    db.annotation.groupBy({
      by: ["authorId"],
      where: { deletedAt: null, AND: [visibleAnnotationWhere(user.visibility)] },
      _count: { _all: true },
    }),
    db.roundAssignment.groupBy({ by: ["reviewerId"], where: { round: { teamId: user.teamId } }, _count: { _all: true } }),
    can.manageMembers
      ? db.invitation.findMany({
          where: { teamId: user.teamId, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
          select: invitationSelect,
          orderBy: { createdAt: "desc" },
        })
      : [],
  ]);
  const claimCount = new Map(claims.map((c) => [c.authorId, c._count._all]));
  const reviewCount = new Map(reviews.map((r) => [r.reviewerId, r._count._all]));
  const rows = members
    .map((m) => toMemberRowDto(m, { claims: claimCount.get(m.user.id), reviews: reviewCount.get(m.user.id) }))
    .sort((a, b) => (a.status === b.status ? 0 : a.status === "active" ? -1 : 1) || (a.name ?? a.email).localeCompare(b.name ?? b.email));
  return { members: rows, invitations: invitations.map(toInvitationDto), can, emailEnabled: mailEnabled() };
}
