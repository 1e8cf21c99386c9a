import type { AnchorFields, AnchorState, Verdict } from "./claim";
import type { EvidenceCitation } from "./evidence";
import type { Person } from "./person";
import type { ClusterKind } from "./review";

/** An evidence link of a final claim, with its library item (a deleted item still shows, flagged). */
export type FinalClaimEvidence = {
  linkId: string;
  stance: "supports" | "contradicts" | "context";
  pinpoint: string | null;
  evidence: EvidenceCitation & {
    deleted: boolean;
    /** Internal to the desk: left out of published fact-checks. */
    internal: boolean;
  };
};

/** A reviewer's annotation behind a final claim (a cluster member, or the editor's own annotation). */
export type FinalClaimMember = {
  annotationId: string;
  author: Person;
  start: number;
  end: number;
  exact: string;
  verdict: Verdict;
  rationaleHtml: string;
};

/**
 * One final claim of an article: what reports export. It comes either from a
 * decided cluster of a review round (`source: "round"`, a Claim row) or,
 * outside rounds, straight from an editor's or admin's annotation
 * (`source: "editor"`, derived at read time, so edits and deletes of the
 * annotation need no syncing). Offsets are code points of `versionId`'s text.
 *
 * Corrections re-anchor both kinds onto the new version (lib/server/articles/
 * reanchor-claims.ts), so a claim decided before a correction stays listed.
 * `anchorState` says how it came through: `anchored`/`moved` are on the very
 * words that were checked; `drifted` is on edited words (text changed after
 * the check: it needs re-review); `orphaned` has no place in the text
 * (`start = end = 0`) and keeps the quote as it was checked.
 */
export type FinalClaim = AnchorFields & {
  /** The Claim id (round) or the annotation id (editor). */
  id: string;
  source: "round" | "editor";
  articleId: string;
  versionId: string;
  /** Where the last correction left it; an editor's claim has its annotation's state. */
  anchorState: AnchorState;
  /** The fuzzy-match score (0..1) of a drifted claim; null otherwise. */
  anchorScore: number | null;
  /** The row version (Claim, or the editor's annotation) that an anchor update names. */
  version: number;
  verdict: Verdict;
  /** Sanitized HTML. */
  rationaleHtml: string;
  /** Who made the claim and where and when it first appeared; null where unknown. */
  speaker: string | null;
  firstAppearanceUrl: string | null;
  firstAppearanceDate: string | null;
  evidence: FinalClaimEvidence[];
  members: FinalClaimMember[];
  cluster: { id: string; roundId: string; number: number; kind: ClusterKind } | null;
  decision: { id: string; decider: Person; boundary: string | null; rationaleHtml: string; createdAt: string } | null;
  /** Who made the claim: the adjudicator (round) or the annotation's author (editor). */
  author: Person | null;
  createdAt: string;
  updatedAt: string;
};
