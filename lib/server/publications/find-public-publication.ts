/**
 * The reads behind the public pages: no member, no session, no
 * Visibility. What they return was made public by an editor's publish (a
 * stored snapshot, lib/publish/public-fact-check.ts), never the desk's live
 * rows, so blind review and private work cannot leak through them. A deleted
 * article's publication is not served; an unknown team or address is a 404
 * that says nothing of what exists.
 */
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import { isPublicSlug, publicTextPath } from "@/lib/publish/public-urls";

/** The one answer for an address that serves nothing. */
export const missing = () => notFound("No published fact-check at this address.");

/** The publication at /f/{team}/{slug} with its log, or a 404. */
export async function findPublic(teamSlug: string, slug: string) {
  if (!isPublicSlug(teamSlug) || !isPublicSlug(slug)) throw missing();
  const row = await db.publication.findFirst({
    where: { slug, team: { slug: teamSlug }, article: { deletedAt: null } },
    select: {
      id: true,
      status: true,
      firstPublishedAt: true,
      changedAt: true,
      retractedAt: true,
      retractionReason: true,
      revisions: { orderBy: { number: "asc" }, select: { number: true, action: true, note: true, createdAt: true, versionNumber: true } },
    },
  });
  if (!row) throw missing();
  return row;
}

/** Public URLs of the texts a publication's revisions checked, by version number. */
export function publicTexts(
  baseUrl: string,
  teamSlug: string,
  slug: string,
  revisions: { versionNumber: number | null }[],
): Record<number, string> {
  const texts: Record<number, string> = {};
  for (const r of revisions)
    if (r.versionNumber !== null) texts[r.versionNumber] = `${baseUrl}${publicTextPath(teamSlug, slug, r.versionNumber)}`;
  return texts;
}
