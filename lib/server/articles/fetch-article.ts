import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { canCreateArticle } from "@/lib/policies/article";
import { fetchPage } from "@/lib/fetch/fetch-page";
import type { FetchArticleInput, SnapshotDto } from "@/lib/schemas/article";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";

/** Snapshots of fetched pages not (yet) saved as an article: at most this many per user, and for at most a day. */
export const UNSAVED_SNAPSHOTS_PER_USER = 20;
const UNSAVED_SNAPSHOT_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * POST /api/articles/fetch: the server fetches the page at `url` (lib/fetch/fetch-page.ts:
 * public addresses only, checked on every redirect and pinned for the
 * connection, 10 s, 10 MiB, HTML or plain text) and keeps it, byte for byte,
 * as a snapshot with its fetch time, final URL and status. The import form
 * previews and saves it by its id; the saved article keeps it.
 *
 * Unsaved snapshots are bounded: each user keeps their newest 20, and any
 * older than a day go.
 */
export async function fetchArticle(user: CurrentUser, input: FetchArticleInput): Promise<SnapshotDto> {
  if (!canCreateArticle(user)) throw new AppError("FORBIDDEN");
  const page = await fetchPage(input.url, { allow: (env().CLAIMDESK_FETCH_ALLOW ?? "").split(",") });
  const sha256 = createHash("sha256").update(page.body).digest("hex");

  const snapshot = await db.$transaction(async (tx) => {
    const created = await tx.articleSnapshot.create({
      data: {
        teamId: user.teamId,
        createdById: user.id,
        requestedUrl: page.requestedUrl,
        finalUrl: page.finalUrl,
        status: page.status,
        contentType: page.contentType.slice(0, 200),
        fetchedAt: page.fetchedAt,
        size: page.body.byteLength,
        sha256,
        body: new Uint8Array(page.body),
      },
      select: { id: true, requestedUrl: true, finalUrl: true, status: true, contentType: true, fetchedAt: true, size: true },
    });
    const stale = await tx.articleSnapshot.findMany({
      where: { teamId: user.teamId, createdById: user.id, articleId: null },
      orderBy: { fetchedAt: "desc" },
      skip: UNSAVED_SNAPSHOTS_PER_USER,
      select: { id: true },
    });
    await tx.articleSnapshot.deleteMany({
      where: {
        teamId: user.teamId,
        articleId: null,
        OR: [{ id: { in: stale.map((s) => s.id) } }, { fetchedAt: { lt: new Date(Date.now() - UNSAVED_SNAPSHOT_TTL_MS) } }],
      },
    });
    await recordAuditEvent(tx, {
      teamId: user.teamId,
      actorId: user.id,
      action: "article.fetch",
      objectType: "snapshot",
      objectId: created.id,
      after: {
        requestedUrl: page.requestedUrl,
        finalUrl: page.finalUrl,
        status: page.status,
        contentType: created.contentType,
        size: created.size,
        sha256,
      },
    });
    return created;
  });
  return { ...snapshot, fetchedAt: snapshot.fetchedAt.toISOString() };
}
