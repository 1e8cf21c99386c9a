import { db } from "@/lib/db";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";

/**
 * GET /api/articles: the team's articles, newest published first, with their
 * live claim counts: the claims the caller may see (blind review), so a count
 * never betrays a hidden draft.
 */
export async function listArticles(user: Viewer) {
  const rows = await db.article.findMany({
    where: { teamId: user.teamId, deletedAt: null },
    select: {
      id: true, title: true, outlet: true, author: true, publishedDate: true, url: true, createdAt: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { text: true } },
      _count: { select: { annotations: { where: { AND: [visibleAnnotationWhere(user.visibility), { deletedAt: null }] } } } },
    },
  });
  return rows
    .map((r) => ({
      id: r.id,
      title: r.title ?? firstWords(r.versions[0]?.text ?? ""),
      untitled: !r.title,
      outlet: r.outlet,
      author: r.author,
      publishedDate: r.publishedDate,
      url: r.url,
      claimCount: r._count.annotations,
      createdAt: r.createdAt.toISOString(),
    }))
    .sort((a, b) => (b.publishedDate ?? "").localeCompare(a.publishedDate ?? "") || a.title.localeCompare(b.title));
}
export type ArticleListItem = Awaited<ReturnType<typeof listArticles>>[number];

/** A stand-in title for an article whose text states none: its first words. */
export function firstWords(text: string, max = 80): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length <= max ? line : `${line.slice(0, line.lastIndexOf(" ", max))}…`;
}
