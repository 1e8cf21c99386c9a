import { z } from "zod";
import { verdictSchema, type Verdict } from "./claim";

/** A check-worthy sentence offered as a claim (offsets: code points of the current version). */
export type SuggestionDto = {
  start: number;
  end: number;
  text: string;
  /** The team model's probability (0..1). */
  score: number;
  /** Why, strongest first ("States a number or quantity: hundreds"). */
  reasons: string[];
  /** Who the text says made the statement, to pre-fill the claim's speaker. */
  speaker: string | null;
  /** True when the text gives no attribution: "Unsourced" may fit. */
  unsourced: boolean;
};

/** GET /api/articles/{id}/suggestions. */
export type SuggestionsDto = {
  versionId: string;
  suggestions: SuggestionDto[];
  /** Every sentence whose speaker the text names: a claim tagged by hand inside one gets its speaker pre-filled. */
  speakers: { start: number; end: number; speaker: string }[];
};

const offset = z.number().int().min(0).max(10_000_000);

/** POST /api/articles/{id}/suggestions/decisions: a person accepts (made a claim of it) or dismisses a suggestion. */
export const suggestionDecisionSchema = z
  .object({ versionId: z.string().min(1).max(64), start: offset, end: offset, decision: z.enum(["accept", "dismiss"]) })
  .refine((v) => v.end > v.start, { message: "The span is empty or reversed.", path: ["end"] });
export type SuggestionDecisionInput = z.infer<typeof suggestionDecisionSchema>;

/** An earlier claim on a related sentence, as far as the viewer may see it. */
export type RelatedClaimRef = {
  /** "final": the desk's claim (a round's decision or an editor's own claim); "annotation": one member's. */
  kind: "final" | "annotation";
  /** "claim" (a Claim row) or "annotation": what apply-related names as its source. */
  source: { kind: "claim" | "annotation"; id: string };
  verdict: Verdict;
  rationaleHtml: string;
  speaker: string | null;
  author: string | null;
  /** When the verdict was given (ISO). */
  date: string;
  evidence: { id: string; title: string; url: string | null; stance: string }[];
};

/** GET /api/claims/{id}/related: a sentence of another article that may state the same claim. */
export type RelatedClaimDto = {
  articleId: string;
  articleTitle: string | null;
  outlet: string | null;
  start: number;
  end: number;
  text: string;
  score: number;
  level: "strong" | "suggest";
  reasons: string[];
  speaker: string | null;
  claim?: RelatedClaimRef;
};

/** POST /api/claims/{id}/apply-related: take the verdict and evidence of an earlier claim (a person confirmed). */
export const applyRelatedSchema = z.object({
  version: z.number().int().min(1).max(2_147_483_647),
  source: z.object({ kind: z.enum(["claim", "annotation"]), id: z.string().min(1).max(64) }),
});
export type ApplyRelatedInput = z.infer<typeof applyRelatedSchema>;

/** GET /api/claims?q=&verdict=&speaker=&articleId=&cursor=: the desk-wide claim search. */
export const claimSearchSchema = z.object({
  q: z.string().trim().max(200).optional(),
  verdict: verdictSchema.optional(),
  speaker: z.string().trim().max(200).optional(),
  articleId: z.string().min(1).max(64).optional(),
  cursor: z.coerce.number().int().min(0).max(1_000_000).optional(),
});
export type ClaimSearchInput = z.infer<typeof claimSearchSchema>;

/** One row of the desk-wide claim search. */
export type ClaimSearchRow = {
  id: string;
  articleId: string;
  articleTitle: string | null;
  outlet: string | null;
  start: number;
  end: number;
  exact: string;
  verdict: Verdict;
  speaker: string | null;
  author: string | null;
  createdAt: string;
  /** The desk's final claim (an editor's own claim) or one member's. */
  final: boolean;
};
export type ClaimSearchDto = { rows: ClaimSearchRow[]; next: number | null };

/** GET /api/assist/model. */
export type AssistModelDto = {
  bias: number;
  weights: { feature: string; label: string; weight: number; default: number }[];
  defaultBias: number;
  updates: number;
  version: number;
  can: { resetModel: boolean; editAliases: boolean };
};

/** DELETE /api/assist/model?version=N: back to the defaults. */
export const modelVersionSchema = z.object({ version: z.coerce.number().int().min(1).max(2_147_483_647) });

const name = z.string().trim().min(1, "Required.").max(120, "At most 120 characters.");
/** POST /api/assist/aliases. */
export const createAliasSchema = z.object({ alias: name, canonical: name });
export type CreateAliasInput = z.infer<typeof createAliasSchema>;
/** DELETE /api/assist/aliases/{id}?version=N. */
export const aliasVersionSchema = modelVersionSchema;

export type AliasDto = { id: string; alias: string; canonical: string; version: number; builtIn: boolean };
export type AliasListDto = { aliases: AliasDto[]; can: { editAliases: boolean } };

/** Most team aliases (each is read whenever an article is analysed). */
export const MAX_ALIASES = 2000;
