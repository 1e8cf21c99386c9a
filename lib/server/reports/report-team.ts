import type { ReportModel } from "@/lib/export/report-model";
import type { Verdict } from "@/lib/schemas/claim";

/** The team columns a report needs: its name, and the publisher and verdict wording of its settings. */
export const reportTeamSelect = {
  id: true, name: true, publisherName: true, publisherUrl: true, publisherLogoUrl: true, labelVerified: true, labelDisputed: true, labelUnsourced: true,
} as const;

type TeamRow = { id: string; name: string; publisherName: string | null; publisherUrl: string | null; publisherLogoUrl: string | null; labelVerified: string | null; labelDisputed: string | null; labelUnsourced: string | null };

export function toReportTeam(t: TeamRow): ReportModel["team"] {
  const labels: Partial<Record<Verdict, string>> = {};
  if (t.labelVerified) labels.verified = t.labelVerified;
  if (t.labelDisputed) labels.disputed = t.labelDisputed;
  if (t.labelUnsourced) labels.unsourced = t.labelUnsourced;
  const hasPublisher = !!(t.publisherName || t.publisherUrl || t.publisherLogoUrl);
  // Only what the team set: a team without settings gets the model it always had.
  return {
    id: t.id,
    name: t.name,
    ...(hasPublisher ? { publisher: { name: t.publisherName || t.name, url: t.publisherUrl, logoUrl: t.publisherLogoUrl } } : {}),
    ...(Object.keys(labels).length > 0 ? { verdictLabels: labels } : {}),
  };
}
