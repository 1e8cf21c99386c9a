/**
 * Where a claim came from: who made it and where and when it first
 * appeared, for ClaimReview's `itemReviewed` (Claim: `author`,
 * `firstAppearance`, `datePublished`). Shared by the claim and final-claim
 * schemas, the card that edits them and the builders that print them.
 */
import { z } from "zod";
import { isIsoDate } from "@/lib/dates/iso-date";

/** Longest speaker name kept. */
export const SPEAKER_MAX = 200;

/** Who made the claim, free text; "" clears it. */
export const speakerField = z.string().trim().max(SPEAKER_MAX, `The speaker is longer than ${SPEAKER_MAX} characters.`);

/** Where the claim first appeared: an http(s) address; "" clears it. */
export const firstAppearanceUrlField = z
  .string()
  .trim()
  .max(2000, "The address is longer than 2000 characters.")
  .refine((v) => v === "" || isHttpUrl(v), "Use a web address that starts with http:// or https://.");

/** When the claim first appeared: YYYY, YYYY-MM or YYYY-MM-DD; "" clears it. */
export const firstAppearanceDateField = z
  .string()
  .trim()
  .max(10)
  .refine((v) => v === "" || isIsoDate(v), "Use a real date: YYYY, YYYY-MM or YYYY-MM-DD.");

/** The origin fields a create or an update may carry (absent: unchanged). */
export const claimOriginFields = {
  speaker: speakerField.optional(),
  firstAppearanceUrl: firstAppearanceUrlField.optional(),
  firstAppearanceDate: firstAppearanceDateField.optional(),
};

/** A claim's origin as stored and sent: null where unknown. */
export type ClaimOrigin = { speaker: string | null; firstAppearanceUrl: string | null; firstAppearanceDate: string | null };

/** The columns to write for the origin fields present in `input` ("" becomes null). */
export function originData(input: { speaker?: string; firstAppearanceUrl?: string; firstAppearanceDate?: string }): Partial<ClaimOrigin> {
  const out: Partial<ClaimOrigin> = {};
  if (input.speaker !== undefined) out.speaker = input.speaker || null;
  if (input.firstAppearanceUrl !== undefined) out.firstAppearanceUrl = input.firstAppearanceUrl || null;
  if (input.firstAppearanceDate !== undefined) out.firstAppearanceDate = input.firstAppearanceDate || null;
  return out;
}

/** True when any origin field is present. */
export const hasOriginChange = (v: { speaker?: string; firstAppearanceUrl?: string; firstAppearanceDate?: string }) =>
  v.speaker !== undefined || v.firstAppearanceUrl !== undefined || v.firstAppearanceDate !== undefined;

function isHttpUrl(v: string): boolean {
  try {
    const u = new URL(v);
    return (u.protocol === "http:" || u.protocol === "https:") && !!u.hostname;
  } catch {
    return false;
  }
}

/** GET /api/team/speakers?q=: the team's earlier speakers that start with (or contain) `q`. */
export const speakerQuerySchema = z.object({ q: z.string().trim().max(SPEAKER_MAX).default("") });
/** The answer: up to 20 names, most used first. */
export type SpeakerSuggestionsDto = { speakers: string[] };
