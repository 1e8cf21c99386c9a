import { db } from "@/lib/db";
import { readPublicFactCheck } from "@/lib/publish/public-fact-check";
import type { PublicPageInput } from "@/lib/publish/render-public-page";
import type { PublicLogEntry } from "@/lib/schemas/publication";
import { findPublic, missing, publicTexts } from "./find-public-publication";

/** GET /f/{team}/{slug} (public, no sign-in): what renderPublicPage needs for /f/{team}/{slug}: the latest published snapshot, its text, the log and the public text URLs. */
export async function loadPublicPage(teamSlug: string, slug: string, baseUrl: string): Promise<PublicPageInput> {
  const row = await findPublic(teamSlug, slug);
  const latest = [...row.revisions].reverse().find((r) => r.action !== "retract");
  if (!latest) throw missing();
  const rev = await db.publicationRevision.findFirstOrThrow({
    where: { publicationId: row.id, number: latest.number },
    select: { snapshot: true, text: true },
  });
  const log: PublicLogEntry[] = row.revisions.map((r) => ({
    number: r.number,
    action: r.action,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    versionNumber: r.versionNumber,
  }));
  return {
    baseUrl,
    status: row.status,
    firstPublishedAt: row.firstPublishedAt.toISOString(),
    changedAt: row.changedAt.toISOString(),
    retraction:
      row.status === "retracted" && row.retractedAt ? { at: row.retractedAt.toISOString(), reason: row.retractionReason ?? "" } : null,
    factCheck: readPublicFactCheck(rev.snapshot),
    text: rev.text ?? "",
    slug,
    log,
    // Withdrawn, the texts are no longer served (load-public-text.ts): the log names versions without links.
    texts: row.status === "published" ? publicTexts(baseUrl, teamSlug, slug, row.revisions) : {},
  };
}
