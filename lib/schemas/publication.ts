/**
 * Wire shapes of publishing: what the desk sends to publish, update
 * and withdraw an article's fact-check, and what it reads back. Shared by the
 * route handlers, the react-query hooks and the publish panel.
 */
import { z } from "zod";
import type { PublicationPermissions } from "@/lib/policies/publication";

/** Longest public address of a fact-check (/f/{team}/{slug}); a longer one is refused, never cut. */
export const PUBLIC_SLUG_MAX = 80;

/** Longest public note (what changed, why it was withdrawn). */
export const PUBLIC_NOTE_MAX = 2000;

const note = z.string().trim().max(PUBLIC_NOTE_MAX, `At most ${PUBLIC_NOTE_MAX} characters.`);

/**
 * POST /api/articles/{id}/publication: publish (the first time: `slug` is
 * optional and taken from the title when absent) or publish again (`version`
 * of the publication read, and the public `note` saying what changed).
 */
export const publishSchema = z.object({
  version: z.number().int().min(1).max(2_147_483_647).optional(),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .min(1, "Give the fact-check an address: lower-case letters, digits and single hyphens.")
    .min(2, "The address needs at least 2 characters.")
    // Refused whole, never cut: the message names the limit and how long the address is.
    .max(PUBLIC_SLUG_MAX, {
      error: (iss) =>
        `The address can have at most ${PUBLIC_SLUG_MAX} characters; this one has ${typeof iss.input === "string" ? iss.input.length : "more"}. Shorten it.`,
    })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens.")
    .optional(),
  note: note.optional(),
});
export type PublishInput = z.infer<typeof publishSchema>;

/** POST /api/articles/{id}/publication/retract: the publication's `version` and the public reason. */
export const retractSchema = z.object({
  version: z.number().int().min(1).max(2_147_483_647),
  reason: note.min(1, "Say why the fact-check is withdrawn: readers see it."),
});
export type RetractInput = z.infer<typeof retractSchema>;

export type PublicationStatus = "unpublished" | "published" | "retracted";

/** One line of the public change log, as readers see it on the public page. */
export type PublicLogEntry = {
  number: number;
  action: "publish" | "update" | "retract";
  note: string | null;
  createdAt: string;
  versionNumber: number | null;
};

/** One line of the public change log, as the desk sees it (with who did it). */
export type PublicationLogDto = PublicLogEntry & { by: string | null };

/** GET /api/articles/{id}/publication (and the answer to publish and retract). */
export type PublicationDto = {
  status: PublicationStatus;
  /** The public page, once published. */
  url: string | null;
  slug: string | null;
  /** What the address would be at a first publish (from the title). */
  suggestedSlug: string;
  version: number | null;
  firstPublishedAt: string | null;
  changedAt: string | null;
  claimCount: number;
  retraction: { at: string; reason: string } | null;
  /** The article version the public page shows. */
  versionNumber: number | null;
  log: PublicationLogDto[];
  /** The copy-paste embed (lib/publish/embed-snippet.ts), once published. */
  embed: string | null;
  feeds: { index: string; atom: string; rss: string; json: string };
  can: PublicationPermissions;
};
