import type { FinalClaim, FinalClaimEvidence } from "@/lib/schemas/final-claim";
import type { ReportClaim, ReportDecision, ReportEvidence, ReportPerson, ReportRejection, ReportReview } from "@/lib/export/report-model";
import type { RejectedCluster } from "@/lib/server/reviews/rejected-clusters";
import { isDisagreement } from "@/lib/export/summarize-claims";
import { richTextToPlain } from "@/lib/rich-text/sanitize";
import { anchorFields } from "@/lib/schemas/claim";

/** A member as reports name them: never an e-mail address. */
export const reportPerson = (p: { id: string; name: string | null }): ReportPerson => ({
  id: p.id,
  name: p.name?.trim() || "Unnamed member",
});

const toEvidence = (l: FinalClaimEvidence): ReportEvidence => ({
  id: l.evidence.id,
  kind: l.evidence.kind,
  title: l.evidence.title,
  url: l.evidence.url,
  publisher: l.evidence.publisher,
  author: l.evidence.author,
  publishedDate: l.evidence.publishedDate,
  accessedDate: l.evidence.accessedDate,
  dateStart: l.evidence.dateStart,
  dateEnd: l.evidence.dateEnd,
  stance: l.stance,
  pinpoint: l.pinpoint,
  deleted: l.evidence.deleted,
  internal: l.evidence.internal,
});

/** A final claim (lib/server/claims/list-final-claims.ts) as the report builders read it, numbered `number`. */
export function toReportClaim(c: FinalClaim, number: number): ReportClaim {
  return {
    id: c.id,
    number,
    ...anchorFields(c),
    anchorState: c.anchorState,
    anchorScore: c.anchorScore,
    verdict: c.verdict,
    rationaleHtml: c.rationaleHtml,
    rationaleText: richTextToPlain(c.rationaleHtml),
    evidence: c.evidence.map(toEvidence),
    // An editor's own claim has itself as its only member: there was no review to report.
    reviews: c.source === "round" ? c.members.map(toReview) : [],
    cluster: c.cluster ? { number: c.cluster.number, kind: c.cluster.kind, disagreement: isDisagreement(c.cluster.kind) } : null,
    decision: c.decision ? toDecision(c.decision) : null,
    author: c.author ? reportPerson(c.author) : null,
    speaker: c.speaker,
    firstAppearance: c.firstAppearanceUrl || c.firstAppearanceDate ? { url: c.firstAppearanceUrl, date: c.firstAppearanceDate } : null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

type Member = FinalClaim["members"][number];
type Decision = NonNullable<FinalClaim["decision"]>;

const toReview = (m: Member): ReportReview => ({
  reviewer: reportPerson(m.author),
  verdict: m.verdict,
  start: m.start,
  end: m.end,
  exact: m.exact,
  rationaleText: richTextToPlain(m.rationaleHtml),
});

const toDecision = (d: Decision): ReportDecision => ({
  by: reportPerson(d.decider),
  at: d.createdAt,
  boundary: d.boundary,
  rationaleHtml: d.rationaleHtml,
  rationaleText: richTextToPlain(d.rationaleHtml),
});

/** A cluster rejected as not a claim, as the report builders read it. */
export const toReportRejection = (c: RejectedCluster): ReportRejection => ({
  cluster: { number: c.number, kind: c.kind },
  reviews: c.members.map(toReview),
  decision: toDecision(c.decision),
});
