import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { PublicationDto } from "@/lib/schemas/publication";
import { findArticle } from "@/lib/server/articles/find-article";
import { countsText } from "@/lib/publish/render-public-page";
import type { PublicFactCheck } from "@/lib/publish/public-fact-check";
import { publicationSelect, toPublicationDto } from "./publication-dto";

/**
 * GET /api/articles/{id}/publication: whether and where the article's
 * fact-check is published, its public log, the embed snippet and the feeds;
 * `can` says whether the caller may publish or withdraw it. Every member may
 * read it (what it shows is public). 404 for another team's article.
 */
export async function getPublication(user: CurrentUser, articleId: string, baseUrl: string): Promise<PublicationDto> {
  const { article } = await findArticle(user.teamId, articleId);
  const [team, row] = await Promise.all([
    db.team.findUniqueOrThrow({ where: { id: user.teamId }, select: { slug: true, name: true, publisherName: true } }),
    db.publication.findFirst({ where: { articleId: article.id, teamId: user.teamId }, select: publicationSelect }),
  ]);
  const actorIds = [...new Set((row?.revisions ?? []).map((r) => r.actorId).filter((id): id is string => !!id))];
  const [people, latest] = await Promise.all([
    actorIds.length ? db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } }) : [],
    row
      ? db.publicationRevision.findFirst({
          where: { publicationId: row.id, action: { in: ["publish", "update"] } },
          orderBy: { number: "desc" },
          select: { snapshot: true },
        })
      : null,
  ]);
  const snapshot = latest?.snapshot as PublicFactCheck | null | undefined;
  return toPublicationDto(
    user,
    {
      baseUrl,
      teamSlug: team.slug,
      articleTitle: article.title,
      publisher: team.publisherName || team.name,
      summary: snapshot ? countsText(snapshot) : null,
      names: new Map(people.map((p) => [p.id, p.name])),
    },
    row,
  );
}
