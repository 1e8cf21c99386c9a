import { z } from "zod";
import type { Person } from "./person";
import type { LineKind } from "./article";

/** How the reviewers' annotations of one cluster relate (lib/review/cluster-annotations.ts decides it). */
export type ClusterKind = "agreed" | "boundary_only" | "verdict_conflict" | "single_reviewer";
import { RICH_TEXT_MAX } from "@/lib/rich-text/allowed";
import { verdictSchema, type Verdict } from "./claim";
import type { RoundPermissions, RoundStatus } from "@/lib/policies/round";
import type { AlphaResult, SpanAgreement } from "@/lib/review/agreement";
import type { NamedArticle } from "@/lib/articles/article-name";

const id = z.string().min(1).max(64);
const offset = z.number().int().min(0).max(10_000_000);
const rationale = z.string().max(RICH_TEXT_MAX, `The rationale is longer than ${RICH_TEXT_MAX} characters.`);

/** A real calendar date, YYYY-MM-DD. */
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the form YYYY-MM-DD.")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "Not a real date.");

/**
 * A due date is today or later. "Today" is the earliest calendar day anywhere
 * (UTC−12), so a desk in any zone can set its own today, and a round is never
 * overdue on the day it starts.
 */
const notPast = (day: string) => day >= new Date(Date.now() - 12 * 3600_000).toISOString().slice(0, 10);

/** POST /api/reviews. */
export const startRoundSchema = z.object({
  articleId: id,
  reviewerIds: z.array(id).min(1, "Assign at least one reviewer.").max(20),
  adjudicatorId: id,
  dueDate: calendarDate.refine(notPast, "The due date has passed: pick today or a later day.").nullish(),
});
export type StartRoundInput = z.infer<typeof startRoundSchema>;

/** Reveal and close name the round version they read. */
export const roundVersionSchema = z.object({ version: z.number().int().min(1) });

/** The boundaries an adjudicator can pick. An annotation id means "this reviewer's span". */
export const BOUNDARY_CHOICES = ["union", "intersection", "custom"] as const;

/** POST /api/clusters/{id}/decisions. */
export const decideClusterSchema = z
  .object({
    version: z.number().int().min(1),
    action: z.enum(["accept", "reject"]),
    boundary: z.string().min(1).max(64).optional(),
    start: offset.optional(),
    end: offset.optional(),
    verdict: verdictSchema.optional(),
    rationale: rationale.optional(),
  })
  .superRefine((v, ctx) => {
    if (v.action !== "accept") return;
    if (!v.boundary) ctx.addIssue({ code: "custom", message: "Pick a boundary.", path: ["boundary"] });
    if (!v.verdict) ctx.addIssue({ code: "custom", message: "Pick a verdict.", path: ["verdict"] });
    if (v.boundary === "custom") {
      if (v.start === undefined) ctx.addIssue({ code: "custom", message: "Select the custom span in the text.", path: ["start"] });
      else if (v.end === undefined || v.end <= v.start)
        ctx.addIssue({ code: "custom", message: "The custom span is empty or reversed.", path: ["end"] });
    }
  });
export type DecideClusterInput = z.infer<typeof decideClusterSchema>;

/** POST /api/reviews/{id}/accept-agreed: the agreed clusters to accept, each with the version the client read. */
export const acceptAgreedSchema = z.object({
  clusters: z
    .array(z.object({ id, version: z.number().int().min(1) }))
    .min(1)
    .max(500),
});

/**
 * The article a round or an assignment is about: its title, or (title null)
 * its lead, the first words of its text that lists show in its place
 * (lib/server/articles/article-leads.ts).
 */
export type RoundArticle = { id: string } & NamedArticle;

/** A round as lists and headers show it. */
export type RoundSummaryDto = {
  id: string;
  article: RoundArticle;
  versionId: string;
  status: RoundStatus;
  dueDate: string | null;
  version: number;
  createdAt: string;
  revealedAt: string | null;
  adjudicatedAt: string | null;
  closedAt: string | null;
  createdBy: Person;
  adjudicator: Person;
  /** `annotationCount` is null for callers who may not see progress counts. */
  reviewers: (Person & { submittedAt: string | null; annotationCount: number | null })[];
  clusterCounts: { total: number; open: number };
  /** The caller's own assignment, if they are a reviewer of the round. */
  mine: { submittedAt: string | null; annotationCount: number } | null;
  can: RoundPermissions;
};

/** Evidence a cluster member cites, as the round page lists it (the full link is lib/schemas/evidence.ts's EvidenceLinkDto). */
export type ClusterEvidenceDto = {
  id: string;
  stance: string;
  pinpoint: string | null;
  evidence: { id: string; title: string; url: string | null; kind: string; deleted: boolean };
};

/** One reviewer's annotation inside a cluster. */
export type ClusterMemberDto = {
  annotationId: string;
  reviewer: Person;
  start: number;
  end: number;
  exact: string;
  verdict: Verdict;
  rationaleHtml: string;
  /** Whether this is the reviewer's representative annotation in the cluster (their longest). */
  representative: boolean;
  evidence: ClusterEvidenceDto[];
};

export type DecisionDto = {
  id: string;
  action: "accept" | "reject";
  boundary: string | null;
  start: number | null;
  end: number | null;
  verdict: Verdict | null;
  rationaleHtml: string;
  clusterVersion: number;
  decider: Person;
  createdAt: string;
};

export type ClusterDto = {
  id: string;
  roundId: string;
  number: number;
  kind: ClusterKind;
  status: "open" | "decided" | "rejected";
  start: number;
  end: number;
  version: number;
  members: ClusterMemberDto[];
  /** The latest decision (decisions are append-only; the history is in `history`). */
  decision: DecisionDto | null;
  history: DecisionDto[];
  claim: { id: string; start: number; end: number; exact: string; verdict: Verdict; rationaleHtml: string; evidenceCount: number } | null;
  commentCount: number;
};

/** How one of the caller's annotations fared (feedback after adjudication). */
export type AnnotationOutcomeDto = {
  annotationId: string;
  roundId: string;
  clusterId: string | null;
  clusterNumber: number | null;
  exact: string;
  verdict: Verdict;
  /**
   * accepted: the claim has this annotation's span and verdict; changed: accepted
   * with another span and/or verdict; rejected: "not a claim"; pending: not
   * decided yet; excluded: not part of the adjudication (never submitted).
   */
  outcome: "accepted" | "changed" | "rejected" | "pending" | "excluded";
  claim: { exact: string; verdict: Verdict } | null;
  decisionRationaleHtml: string | null;
};

export type RoundDetailDto = RoundSummaryDto & {
  /** The canonical text of `textVersion` (offsets below count its code points). */
  text: string;
  /** What each line of `text` is (heading, quote, list item…): null when every line is a paragraph. */
  lineKinds: LineKind[] | null;
  /**
   * The version the round's claims and annotations are on now, and the number
   * of the version it reviewed: the same until a correction moves them.
   */
  textVersion: { id: string; number: number; reviewedNumber: number };
  /** Empty before the reveal. */
  clusters: ClusterDto[];
  /** The caller's own annotations in this round and how each was decided. */
  feedback: AnnotationOutcomeDto[];
};

export type PairAgreementDto = { a: Person; b: Person; matched: number; sameVerdict: number; verdicts: AlphaResult; spans: SpanAgreement };

/** GET /api/reviews/{id}/agreement. */
export type RoundAgreementDto = {
  roundId: string;
  reviewers: Person[];
  matchedClusters: number;
  singleClusters: number;
  verdicts: AlphaResult;
  spanF1: number | null;
  pairs: PairAgreementDto[];
};

/** GET /api/agreement: one point per revealed round, oldest first. */
export type TeamAgreementPointDto = {
  roundId: string;
  articleTitle: string | null;
  /** The article's lead when it has no title (see {@link RoundArticle}). */
  articleLead: string | null;
  revealedAt: string;
  alpha: number | null;
  spanF1: number | null;
  matchedClusters: number;
  reviewers: number;
};

/**
 * Whether the viewer reviews the article blind now: its round is open and assigned to them (what the
 * server's isReviewingBlind decides from the visibility rule; the page reads it off the article's round).
 */
export const reviewsBlind = (round: Pick<RoundSummaryDto, "mine" | "status"> | null | undefined): boolean =>
  !!round?.mine && round.status === "open";

/** GET /api/articles/{id}/round: the review state of an article for its workspace. */
export type ArticleRoundDto = {
  /** The round the caller works in (open, assigned to them), else the latest unfinished or finished round. */
  round: RoundSummaryDto | null;
  /** How each of the caller's round annotations on this article was decided, by annotation id. */
  outcomes: Record<string, AnnotationOutcomeDto>;
  /** Whether the caller may start a review of this article now (an editor, and no round open or revealed). */
  canStart: boolean;
};

/** GET /api/queue. */
export type QueueItemDto = {
  roundId: string;
  article: RoundArticle;
  status: RoundStatus;
  dueDate: string | null;
  submittedAt: string | null;
  annotationCount: number;
  overdue: boolean;
};

/** The outcome of a bulk accept: each cluster decided, refused as stale (with its current state), or skipped. */
export type AcceptAgreedResult = { decided: ClusterDto[]; conflicts: ClusterDto[]; skipped: { id: string; reason: string }[] };
