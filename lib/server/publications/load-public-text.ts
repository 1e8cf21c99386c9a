import { db } from "@/lib/db";
import { findPublic, missing } from "./find-public-publication";

/**
 * GET /f/{team}/{slug}/text/{n} (public): the exact text of article version `n` as a publish checked it
 * (/f/{team}/{slug}/text/{n}, W3C TimeState `cached`). Served while the
 * fact-check is published; withdrawn, its texts go with its verdicts.
 */
export async function loadPublicText(teamSlug: string, slug: string, n: number): Promise<string> {
  const row = await findPublic(teamSlug, slug);
  if (row.status !== "published" || !row.revisions.some((r) => r.versionNumber === n)) throw missing();
  const rev = await db.publicationRevision.findFirst({
    where: { publicationId: row.id, versionNumber: n, text: { not: null } },
    orderBy: { number: "desc" },
    select: { text: true },
  });
  if (!rev?.text) throw missing();
  return rev.text;
}
