/**
 * Wire shapes of the people pages: setup, members, invitations,
 * password resets, account, teams, team settings and activity. Shared by the
 * route handlers, the react-query hooks and the forms; nothing here pulls in
 * server code (the common-password check is server-only: lib/auth/password-policy.ts).
 */
import { z } from "zod";
import { ROLES, type Role } from "@/lib/policies/roles";
import type { TeamPermissions } from "@/lib/policies/team";
import type { Verdict } from "@/lib/schemas/claim";
import { ratingScaleSchema, type RatingScale } from "@/lib/schemas/rating-scale";
import { tagMapSchema } from "@/lib/schemas/tag-map";

export { ROLES, type Role };

/** Shortest password accepted; longer ones beat the length check, common ones are still refused. */
export const PASSWORD_MIN = 10;
/** bcrypt reads only the first 72 bytes, so a longer password would be silently cut. */
export const PASSWORD_MAX_BYTES = 72;

export const emailField = z
  .string()
  .trim()
  .toLowerCase()
  .max(320, "The e-mail address is too long.")
  .email("Enter a valid e-mail address.");
export const roleField = z.enum(ROLES, { message: "The role must be admin, editor or reviewer." });
export const nameField = z.string().trim().min(1, "Enter a name.").max(120, "The name is longer than 120 characters.");
/** Length rules only (the form shows them as you type); the server also refuses common passwords. */
export const passwordField = z
  .string()
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .refine(
    (p) => new TextEncoder().encode(p).length <= PASSWORD_MAX_BYTES,
    `Use at most ${PASSWORD_MAX_BYTES} bytes (about ${PASSWORD_MAX_BYTES} letters).`,
  );
export const teamNameField = z.string().trim().min(1, "Enter the team's name.").max(80, "The team name is longer than 80 characters.");
export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "The slug needs at least 2 characters.")
  .max(48, "The slug is longer than 48 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.");
const version = z.number().int().min(1);
const id = z.string().min(1).max(64);
const optionalUrl = z
  .string()
  .trim()
  .max(500, "The URL is longer than 500 characters.")
  .refine((u) => u === "" || /^https?:\/\/[^\s]+$/i.test(u), "Enter an http(s) URL.")
  .transform((u) => u || null)
  .nullable();

/** POST /api/setup: the first team and its admin, on an empty install. */
export const setupSchema = z.object({
  teamName: teamNameField,
  teamSlug: slugField.optional(),
  name: nameField,
  email: emailField,
  password: passwordField,
});
export type SetupInput = z.infer<typeof setupSchema>;

/** POST /api/team/invitations */
export const createInvitationSchema = z.object({ email: emailField, role: roleField });
export type CreateInvitationInput = z.infer<typeof createInvitationSchema>;

/**
 * POST /api/invitations/{token}/accept. A new person sends a name and a
 * password; someone signed in as the invited address (an existing account, or
 * one made by an OAuth provider that verified the address) sends nothing.
 */
export const acceptInvitationSchema = z.object({ name: nameField.optional(), password: passwordField.optional() });
export type AcceptInvitationInput = z.infer<typeof acceptInvitationSchema>;

/** PATCH /api/team/members/{membershipId}: a new role or status, against the version read. */
export const memberChangeSchema = z
  .object({
    version,
    role: roleField.optional(),
    status: z.enum(["active", "deactivated"], { message: "The status must be active or deactivated." }).optional(),
  })
  .refine((v) => v.role !== undefined || v.status !== undefined, { message: "Name a role or a status.", path: ["role"] });
export type MemberChangeInput = z.infer<typeof memberChangeSchema>;

/** POST /api/password-resets/{token}: the new password. */
export const usePasswordResetSchema = z.object({ password: passwordField });

/** PATCH /api/account */
export const accountSchema = z.object({ name: nameField });
/** POST /api/account/password */
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: passwordField,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

/** POST /api/teams */
export const createTeamSchema = z.object({ name: teamNameField, slug: slugField.optional() });
export type CreateTeamInput = z.infer<typeof createTeamSchema>;
/** PUT /api/teams/active */
export const switchTeamSchema = z.object({ teamId: id });

const label = z
  .string()
  .trim()
  .max(40, "A verdict label is at most 40 characters.")
  .transform((l) => l || null)
  .nullable();
/** PATCH /api/team/settings */
export const teamSettingsSchema = z.object({
  version,
  name: teamNameField.optional(),
  slug: slugField.optional(),
  publisherName: z
    .string()
    .trim()
    .max(120, "The publisher name is longer than 120 characters.")
    .transform((n) => n || null)
    .nullable()
    .optional(),
  publisherUrl: optionalUrl.optional(),
  publisherLogoUrl: optionalUrl.optional(),
  verdictLabels: z.object({ verified: label.optional(), disputed: label.optional(), unsourced: label.optional() }).optional(),
  /** ClaimReview's numeric scale (lib/schemas/rating-scale.ts); null goes back to the default. */
  ratingScale: ratingScaleSchema.nullable().optional(),
  /** Tags of imported annotations → verdicts, on top of the defaults (lib/schemas/tag-map.ts); null clears it. */
  importTagMap: tagMapSchema.nullable().optional(),
  /** BCP 47 language of the published pages and the checked articles ("en", "ko", "pt-BR"); "" or null: English. */
  language: z
    .string()
    .trim()
    .max(35, "A language tag is at most 35 characters.")
    .refine((l) => l === "" || /^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/.test(l), "Use a language tag such as en, ko or pt-BR.")
    .transform((l) => l || null)
    .nullable()
    .optional(),
});
export type TeamSettingsInput = z.infer<typeof teamSettingsSchema>;

/** GET /api/team/activity: filters, and the cursor of the page before (the last event seen). */
export const activityQuerySchema = z.object({
  actor: id.optional(),
  action: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z_]+(\.[a-z_]+)*$/, "Not an action name.")
    .optional(),
  article: id.optional(),
  before: z
    .string()
    .max(200)
    .regex(/^\d{13}_[A-Za-z0-9_-]{1,64}$/, "Not a paging cursor.")
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityQuery = z.infer<typeof activityQuerySchema>;

export type MemberStatus = "active" | "deactivated";
export type InvitationStatus = "pending" | "accepted" | "expired" | "revoked";

/** A row of the members page. */
export type MemberRowDto = {
  membershipId: string;
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  status: MemberStatus;
  lastActiveAt: string | null;
  joinedAt: string;
  /** Claims (annotations) the member made in the team, deleted ones left out. */
  claims: number;
  /** Review rounds the member was assigned to in the team. */
  reviews: number;
  version: number;
};

export type InvitationDto = {
  id: string;
  email: string;
  role: Role;
  status: InvitationStatus;
  invitedBy: { id: string; name: string | null } | null;
  createdAt: string;
  expiresAt: string;
  version: number;
};

/** GET /api/team/members?view=all */
export type MembersPageDto = {
  members: MemberRowDto[];
  /** Pending invitations (admins only; empty for editors). */
  invitations: InvitationDto[];
  can: TeamPermissions;
  /** True when SMTP_URL is set: invitation and reset links are e-mailed too. */
  emailEnabled: boolean;
};

/** A one-time link made for someone: shown to the admin to copy, and e-mailed when SMTP is set. */
export type OneTimeLinkDto = { url: string; expiresAt: string; emailed: boolean; emailError?: string };
export type InvitationCreatedDto = { invitation: InvitationDto; link: OneTimeLinkDto };

/** GET /api/invitations/{token}: what the invite page shows before accepting. */
export type InvitationPreviewDto = {
  teamName: string;
  email: string;
  role: Role;
  expiresAt: string;
  invitedBy: string | null;
  accountExists: boolean;
};

/** GET /api/password-resets/{token} */
export type PasswordResetPreviewDto = { email: string; expiresAt: string };

export type TeamSettingsDto = {
  id: string;
  name: string;
  slug: string;
  publisherName: string | null;
  publisherUrl: string | null;
  publisherLogoUrl: string | null;
  /** The team's own wording; null keeps the default label. */
  verdictLabels: Record<Verdict, string | null>;
  /** ClaimReview's numeric scale, the default when the team set none. */
  ratingScale: RatingScale;
  /** True when ratingScale is the team's own, not the default. */
  ratingScaleSet: boolean;
  /** The team's own tag → verdict mapping for imports (the defaults apply beneath it). */
  importTagMap: Record<string, Verdict>;
  /** BCP 47 language of the published pages; null is English. */
  language: string | null;
  version: number;
};

export type AccountDto = {
  id: string;
  name: string | null;
  email: string;
  hasPassword: boolean;
  teams: { id: string; name: string; role: Role }[];
  activeTeamId: string | null;
  canCreateTeams: boolean;
};

/** One audit event as the Activity page lists it: who, what, which object (with a link when it has a page), when. */
export type ActivityEventDto = {
  id: string;
  at: string;
  actor: { id: string; name: string | null } | null;
  action: string;
  /** The action in words ("tagged a claim"). */
  summary: string;
  object: { type: string; id: string; label: string | null; href: string | null };
};
export type ActivityPageDto = { events: ActivityEventDto[]; next: string | null };

/** A teammate as pickers and mentions show them. */
export type MemberDto = { id: string; name: string | null; email: string; role: Role };
