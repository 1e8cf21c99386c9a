/**
 * The audit actions in words, for the Activity page (its filter and its rows).
 * An action missing here is shown by its name. A filter value without a dot
 * ("member") matches the whole group ("member.invite", "member.role"…).
 */
export const ACTIVITY_ACTIONS: Record<string, string> = {
  "article.create": "added an article",
  "article.correct": "corrected an article",
  "claim.create": "tagged a claim",
  "claim.update": "changed a claim",
  "claim.delete": "deleted a claim",
  "claim.restore": "restored a claim",
  "claim.import": "imported a claim",
  "claim.reanchor": "re-anchored a claim after a correction",
  "claim.anchor.confirm": "confirmed a claim's place",
  "claim.anchor.place": "placed a claim again",
  "evidence.create": "added evidence",
  "evidence.update": "changed evidence",
  "evidence.delete": "deleted evidence",
  "evidence.link": "attached evidence",
  "evidence.link.update": "changed attached evidence",
  "evidence.unlink": "detached evidence",
  "round.start": "started a review round",
  "round.submit": "submitted a review",
  "round.reopen": "reopened a review",
  "round.reveal": "revealed a review round",
  "round.close": "closed a review round",
  "cluster.accept": "decided a cluster",
  "cluster.reject": "rejected a cluster as not a claim",
  "comment.create": "commented",
  "comment.edit": "edited a comment",
  "comment.delete": "deleted a comment",
  "comment.resolve": "resolved a discussion thread",
  "comment.reopen": "reopened a discussion thread",
  "member.invite": "invited someone",
  "member.join": "joined the team",
  "member.role": "changed a member's role",
  "member.deactivate": "deactivated a member",
  "member.reactivate": "reactivated a member",
  "member.password_reset": "made a password link for a member",
  "member.notifications": "changed their e-mail notifications",
  "invitation.revoke": "withdrew an invitation",
  "team.create": "created the team",
  "team.update": "changed the team settings",
  "account.rename": "changed their name",
  "account.password_change": "changed their password",
  "account.password_reset": "set a new password from a link",
};

/** Groups the Activity filter offers, in order. */
export const ACTIVITY_GROUPS: { value: string; label: string }[] = [
  { value: "claim", label: "Claims" },
  { value: "claim.create", label: "Claims tagged" },
  { value: "article", label: "Articles" },
  { value: "evidence", label: "Evidence" },
  { value: "round", label: "Review rounds" },
  { value: "cluster", label: "Decisions" },
  { value: "comment", label: "Comments" },
  { value: "member", label: "Members" },
  { value: "invitation", label: "Invitations" },
  { value: "team", label: "Team settings" },
  { value: "account", label: "Accounts" },
];

export const activitySummary = (action: string) => ACTIVITY_ACTIONS[action] ?? action;
