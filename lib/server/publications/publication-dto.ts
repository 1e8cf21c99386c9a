import type { PublicationActor } from "@/lib/policies/publication";
import { publicationPermissions } from "@/lib/policies/publication";
import type { PublicationDto, PublicationLogDto } from "@/lib/schemas/publication";
import { embedSnippet } from "@/lib/publish/embed-snippet";
import { publicFeedPaths, publicIndexPath, publicPagePath, slugify } from "@/lib/publish/public-urls";

/** The columns of a Publication the desk reads, with its log. */
export const publicationSelect = {
  id: true,
  slug: true,
  status: true,
  title: true,
  claimCount: true,
  firstPublishedAt: true,
  changedAt: true,
  retractedAt: true,
  retractionReason: true,
  version: true,
  revisions: {
    orderBy: { number: "asc" },
    select: { number: true, action: true, note: true, createdAt: true, versionNumber: true, actorId: true },
  },
} as const;

export type PublicationRow = {
  id: string;
  slug: string;
  status: "published" | "retracted";
  title: string;
  claimCount: number;
  firstPublishedAt: Date;
  changedAt: Date;
  retractedAt: Date | null;
  retractionReason: string | null;
  version: number;
  revisions: {
    number: number;
    action: "publish" | "update" | "retract";
    note: string | null;
    createdAt: Date;
    versionNumber: number | null;
    actorId: string | null;
  }[];
};

/** What the desk sees of an article's publication; `row` null: not published. */
export function toPublicationDto(
  actor: PublicationActor,
  ctx: {
    baseUrl: string;
    teamSlug: string;
    articleTitle: string | null;
    summary: string | null;
    publisher: string;
    names: Map<string, string | null>;
  },
  row: PublicationRow | null,
): PublicationDto {
  const feeds = publicFeedPaths(ctx.teamSlug);
  const abs = (path: string) => `${ctx.baseUrl}${path}`;
  const base = {
    feeds: { index: abs(publicIndexPath(ctx.teamSlug)), atom: abs(feeds.atom), rss: abs(feeds.rss), json: abs(feeds.json) },
    can: publicationPermissions(actor),
  };
  if (!row) {
    return {
      ...base,
      status: "unpublished",
      url: null,
      slug: null,
      suggestedSlug: slugify(ctx.articleTitle),
      version: null,
      firstPublishedAt: null,
      changedAt: null,
      claimCount: 0,
      retraction: null,
      versionNumber: null,
      log: [],
      embed: null,
    };
  }
  const url = abs(publicPagePath(ctx.teamSlug, row.slug));
  const log = row.revisions.map((r): PublicationLogDto => ({
    number: r.number,
    action: r.action,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    versionNumber: r.versionNumber,
    by: r.actorId ? (ctx.names.get(r.actorId) ?? null) : null,
  }));
  return {
    ...base,
    status: row.status,
    url,
    slug: row.slug,
    suggestedSlug: row.slug,
    version: row.version,
    firstPublishedAt: row.firstPublishedAt.toISOString(),
    changedAt: row.changedAt.toISOString(),
    claimCount: row.claimCount,
    retraction:
      row.status === "retracted" && row.retractedAt ? { at: row.retractedAt.toISOString(), reason: row.retractionReason ?? "" } : null,
    versionNumber: [...log].reverse().find((l) => l.versionNumber !== null)?.versionNumber ?? null,
    log,
    embed:
      row.status === "published"
        ? embedSnippet({ url, title: row.title, publisher: ctx.publisher, summary: ctx.summary ?? `${row.claimCount} claims checked` })
        : null,
  };
}
