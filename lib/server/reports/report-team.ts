import type { ReportModel } from "@/lib/export/report-model";
import type { Verdict } from "@/lib/schemas/claim";
import { ratingScaleSchema, readRatingScale } from "@/lib/schemas/rating-scale";

/** The team columns a report needs: its name, and the publisher and verdict wording of its settings. */
export const reportTeamSelect = {
  id: true,
  name: true,
  slug: true,
  publisherName: true,
  publisherUrl: true,
  publisherLogoUrl: true,
  labelVerified: true,
  labelDisputed: true,
  labelUnsourced: true,
  ratingScale: true,
  language: true,
} as const;

/** A team read with reportTeamSelect; slug, rating scale and language may be left out. */
export type ReportTeamRow = {
  id: string;
  name: string;
  slug?: string;
  publisherName: string | null;
  publisherUrl: string | null;
  publisherLogoUrl: string | null;
  labelVerified: string | null;
  labelDisputed: string | null;
  labelUnsourced: string | null;
  ratingScale?: unknown;
  language?: string | null;
};

export function toReportTeam(t: ReportTeamRow): ReportModel["team"] {
  const labels: Partial<Record<Verdict, string>> = {};
  if (t.labelVerified) labels.verified = t.labelVerified;
  if (t.labelDisputed) labels.disputed = t.labelDisputed;
  if (t.labelUnsourced) labels.unsourced = t.labelUnsourced;
  const hasPublisher = !!(t.publisherName || t.publisherUrl || t.publisherLogoUrl);
  // Only what the team set: a team without settings gets the model it always had.
  return {
    id: t.id,
    name: t.name,
    ...(t.slug ? { slug: t.slug } : {}),
    ...(hasPublisher ? { publisher: { name: t.publisherName || t.name, url: t.publisherUrl, logoUrl: t.publisherLogoUrl } } : {}),
    ...(Object.keys(labels).length > 0 ? { verdictLabels: labels } : {}),
    ...(ratingScaleSchema.safeParse(t.ratingScale).success ? { ratingScale: readRatingScale(t.ratingScale) } : {}),
    ...(t.language ? { language: t.language } : {}),
  };
}
