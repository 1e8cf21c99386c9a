import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import { fileResponse } from "@/lib/api/file-response";
import { findArticle } from "./find-article";

/**
 * GET /api/articles/{id}/snapshot: the page as it was fetched, byte for
 * byte, as a download. It is the outlet's HTML, so it is served as an
 * attachment with a sandboxing CSP and nosniff: a browser never runs it on
 * the app's origin. The fetch time, final URL and status travel in headers.
 */
export async function downloadSnapshot(user: CurrentUser, articleId: string): Promise<Response> {
  const { article } = await findArticle(user.teamId, articleId);
  const snapshot = await db.articleSnapshot.findFirst({ where: { articleId: article.id, teamId: user.teamId } });
  if (!snapshot) throw notFound("This article was not imported from a web page, so it has no snapshot.");
  const host = (() => {
    try {
      return new URL(snapshot.finalUrl).hostname;
    } catch {
      return "page";
    }
  })();
  const stamp = snapshot.fetchedAt.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  const res = fileResponse({
    body: snapshot.body,
    contentType: snapshot.contentType,
    filename: `${host}-${stamp}.${snapshot.contentType.startsWith("text/plain") ? "txt" : "html"}`,
  });
  res.headers.set("X-Snapshot-Fetched-At", snapshot.fetchedAt.toISOString());
  res.headers.set("X-Snapshot-Final-Url", encodeURI(snapshot.finalUrl));
  res.headers.set("X-Snapshot-Status", String(snapshot.status));
  res.headers.set("X-Snapshot-Sha256", snapshot.sha256);
  return res;
}
