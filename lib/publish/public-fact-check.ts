/**
 * What a published fact-check shows: a snapshot of the desk's
 * report, taken when an editor publishes, that holds only what is meant for
 * the public. The public page, its ClaimReview markup, the feeds and the embed
 * snippet are built from it and nothing else, so:
 *
 * - edits the desk makes after publishing (a verdict changed, a rationale
 *   rewritten, evidence added) stay private until an editor publishes again;
 *   each publish stores a new snapshot and a line in the public change log;
 * - nothing private can leak by accident: no reviewer names, decisions,
 *   disagreements, comments or member ids; evidence marked internal (and
 *   library items deleted since they were cited) is left out;
 * - a claim's rationale is the desk's, never a person's
 *   ({@link publicRationaleHtml}): for a claim decided in a review round, the
 *   adjudicator's note alone (the claim's own rationale adds each reviewer's
 *   under their name, role and verdict, dissent included: the desk's record,
 *   which its reports keep), or for an agreed cluster accepted without a
 *   note the agreeing reviewers' notes, unnamed; for an editor's own claim,
 *   its rationale, which names nobody. Nobody is named either way;
 * - claims a correction changed after the check (drifted or orphaned) are
 *   never published as standing verdicts: they are left out and counted
 *   (`withheld`), as the ClaimReview export already rules (claimreview.ts).
 *
 * Claims are numbered anew, 1…n in text order, for the `#claim-n` anchors of
 * the public page. Pure: tests and the bench build it without a database.
 */
import { anchorFields, type AnchorFields, type Verdict } from "@/lib/schemas/claim";
import type { LineKind } from "@/lib/schemas/article";
import { readLineKinds } from "@/lib/anchoring/line-kinds";
import { DEFAULT_RATING_SCALE, type RatingScale } from "@/lib/schemas/rating-scale";
import type { ReportClaim, ReportEvidence, ReportModel, ReportPublication } from "@/lib/export/report-model";
import { needsReReview } from "@/lib/export/report-text";
import { verdictLabel } from "@/lib/export/claimreview";
import { adjudicatorNoteOf } from "@/lib/review/compose-claim-rationale";
import { escapeHtml } from "@/lib/rich-text/escape-html";

/**
 * The snapshot's shape version: a later change of shape reads older snapshots
 * by it ({@link readPublicFactCheck}). 2: a round claim's rationale is the
 * adjudicator's note alone; 1 published the composed rationale, reviewers
 * named.
 */
export const PUBLIC_SNAPSHOT_SCHEMA = 2;

/** A public source of a claim. */
export type PublicEvidence = Pick<
  ReportEvidence,
  "kind" | "title" | "url" | "publisher" | "author" | "publishedDate" | "dateStart" | "dateEnd" | "stance" | "pinpoint"
>;

/** One published claim. Offsets are code points of the published version's text. */
export type PublicClaim = AnchorFields & {
  number: number;
  verdict: Verdict;
  /** The team's public wording of the verdict at publish time. */
  label: string;
  /** Sanitized when saved (lib/rich-text/sanitize.ts), inserted as is. */
  rationaleHtml: string;
  speaker: string | null;
  firstAppearance: { url: string | null; date: string | null } | null;
  evidence: PublicEvidence[];
  /** When the desk decided the claim (ISO date-time). */
  checkedAt: string;
};

export type PublicFactCheck = {
  schema: typeof PUBLIC_SNAPSHOT_SCHEMA;
  team: {
    name: string;
    slug: string;
    publisher: { name: string; url: string | null; logoUrl: string | null };
    verdictLabels: Partial<Record<Verdict, string>>;
    ratingScale: RatingScale;
    language: string;
  };
  article: ReportModel["article"];
  /**
   * The checked version: its number, when it was captured, its text's
   * SHA-256 (the text is stored beside the snapshot), and what each line of
   * the text is (ArticleVersion.lineKinds; absent when every line is a
   * paragraph, and in snapshots taken before kinds were kept).
   */
  version: { number: number; createdAt: string; textHash: string; lineKinds?: LineKind[] };
  claims: PublicClaim[];
  /** Final claims left out because a correction changed their words after the check. */
  withheld: number;
};

const publicEvidence = (e: ReportEvidence): PublicEvidence => ({
  kind: e.kind,
  title: e.title,
  url: e.url,
  publisher: e.publisher,
  author: e.author,
  publishedDate: e.publishedDate,
  dateStart: e.dateStart,
  dateEnd: e.dateEnd,
  stance: e.stance,
  pinpoint: e.pinpoint,
});

/**
 * A claim's rationale as the public reads it: the desk's reasons, nobody's
 * name. A claim decided out of a review cluster has the decision's rationale,
 * the adjudicator's note: its own rationale is composed of that note and
 * each reviewer's under their name, role and verdict
 * (lib/review/compose-claim-rationale.ts). Accepting an agreed cluster needs
 * no note; then the reviewers, who all gave that verdict, gave the desk's
 * reasons, and their notes are published as the desk's, unnamed, each once
 * (a verdict with no reasons at all is no fact-check). Where the reviewers
 * disagreed the note is required, and dissent is never published. An
 * editor's own claim has its own rationale. A claim with reviews and no
 * decision (none is made so) publishes none.
 */
export const publicRationaleHtml = (c: Pick<ReportClaim, "rationaleHtml" | "decision" | "reviews" | "cluster">): string => {
  if (!c.decision) return c.reviews.length ? "" : c.rationaleHtml;
  if (c.decision.rationaleHtml.trim() || c.cluster?.disagreement !== false) return c.decision.rationaleHtml;
  const notes = new Set(c.reviews.map((r) => r.rationaleText.trim()).filter(Boolean));
  return [...notes].map((note) => `<p>${escapeHtml(note)}</p>`).join("");
};

/**
 * A stored snapshot as this version reads it (it is JSON from the database).
 * One of schema 1 gets each claim's rationale as schema 2 has it: the note
 * of a composed rationale (adjudicatorNoteOf), so a page published before
 * the rule names no reviewer either, without waiting to be published again.
 */
export function readPublicFactCheck(snapshot: unknown): PublicFactCheck {
  const fc = snapshot as PublicFactCheck | (Omit<PublicFactCheck, "schema"> & { schema: 1 });
  if (fc.schema === PUBLIC_SNAPSHOT_SCHEMA) return fc;
  return {
    ...fc,
    schema: PUBLIC_SNAPSHOT_SCHEMA,
    claims: fc.claims.map((c) => ({ ...c, rationaleHtml: adjudicatorNoteOf(c.rationaleHtml) })),
  };
}

/** The public snapshot of the desk's report `m` of an article (its final claims on the current version). */
export function toPublicFactCheck(m: ReportModel, teamSlug: string): PublicFactCheck {
  const standing = m.claims.filter((c) => !needsReReview(c));
  return {
    schema: PUBLIC_SNAPSHOT_SCHEMA,
    team: {
      name: m.team.name,
      slug: teamSlug,
      publisher: m.team.publisher ?? { name: m.team.name, url: null, logoUrl: null },
      verdictLabels: m.team.verdictLabels ?? {},
      ratingScale: m.team.ratingScale ?? DEFAULT_RATING_SCALE,
      language: m.team.language ?? "en",
    },
    article: m.article,
    version: {
      number: m.version.number,
      createdAt: m.version.createdAt,
      textHash: m.version.textHash,
      ...(m.version.lineKinds ? { lineKinds: [...m.version.lineKinds] } : {}),
    },
    claims: standing.map((c, i): PublicClaim => ({
      number: i + 1,
      ...anchorFields(c),
      verdict: c.verdict,
      label: verdictLabel(m, c),
      rationaleHtml: publicRationaleHtml(c),
      speaker: c.speaker?.trim() || null,
      firstAppearance: c.firstAppearance ?? null,
      evidence: c.evidence.filter((e) => !e.internal && !e.deleted).map(publicEvidence),
      checkedAt: c.decision?.at ?? c.updatedAt,
    })),
    withheld: m.claims.length - standing.length,
  };
}

/**
 * True when two snapshots publish the same thing (a republish that changes
 * nothing is refused). Compared with keys sorted: PostgreSQL's jsonb gives a
 * stored snapshot back with its keys in another order.
 */
export const sameFactCheck = (a: PublicFactCheck, b: PublicFactCheck) => canonicalJson(a) === canonicalJson(b);

function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  if (v && typeof v === "object") {
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(v) ?? "null";
}

/** The kinds of the published text's lines, as the snapshot stored them (read defensively: it is JSON from the database). */
export const publicLineKinds = (fc: Pick<PublicFactCheck, "version">, text: string): LineKind[] | null =>
  readLineKinds(fc.version.lineKinds, text.split("\n").length);

/** Counts by verdict of the published claims. */
export function verdictCounts(fc: Pick<PublicFactCheck, "claims">): Record<Verdict, number> {
  const out: Record<Verdict, number> = { verified: 0, disputed: 0, unsourced: 0 };
  for (const c of fc.claims) out[c.verdict]++;
  return out;
}

/**
 * The snapshot as a report model, for the builders shared with the desk's
 * reports (ClaimReview): its claims with their public numbers, the public
 * page as where it is published, and the public copy of the text.
 */
export function publicReportModel(fc: PublicFactCheck, text: string, publication: ReportPublication, baseUrl: string): ReportModel {
  const claims = fc.claims.map((c): ReportClaim => ({
    id: `claim-${c.number}`,
    number: c.number,
    ...anchorFields(c),
    anchorState: "anchored",
    anchorScore: null,
    verdict: c.verdict,
    rationaleHtml: c.rationaleHtml,
    rationaleText: "",
    evidence: [],
    reviews: [],
    cluster: null,
    decision: null,
    author: null,
    speaker: c.speaker,
    firstAppearance: c.firstAppearance,
    createdAt: c.checkedAt,
    updatedAt: c.checkedAt,
  }));
  const counts = verdictCounts(fc);
  return {
    generatedAt: publication.changedAt,
    baseUrl,
    publishedUrl: publication.url,
    publication,
    team: {
      id: fc.team.slug,
      name: fc.team.name,
      slug: fc.team.slug,
      publisher: fc.team.publisher,
      verdictLabels: fc.team.verdictLabels,
      ratingScale: fc.team.ratingScale,
      language: fc.team.language,
    },
    article: fc.article,
    version: {
      id: `v${fc.version.number}`,
      number: fc.version.number,
      text,
      textHash: fc.version.textHash,
      createdAt: fc.version.createdAt,
      lineKinds: publicLineKinds(fc, text),
    },
    round: null,
    reviewers: [],
    claims,
    rejected: [],
    summary: {
      total: claims.length,
      byVerdict: counts,
      withEvidence: 0,
      disagreements: 0,
      decided: 0,
      agreement: null,
      roundAgreement: null,
    },
  };
}
