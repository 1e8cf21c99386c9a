import type { Db } from "@/lib/db";
import { claimLink } from "@/lib/schemas/deep-link";
import { insertNotifications, type NotificationBatch } from "./insert-notifications";

type Tx = Pick<Db, "annotation" | "notification" | "membership">;

/** Where the article's live claims stood before a correction, by annotation id. */
export type AnchorSnapshot = Map<string, { anchorState: string; exact: string }>;

/** Reads the article's live claims' anchors inside the correction's transaction, before it moves them. */
export async function anchorSnapshot(tx: Tx, teamId: string, articleId: string): Promise<AnchorSnapshot> {
  const rows = await tx.annotation.findMany({
    where: { teamId, articleId, deletedAt: null },
    select: { id: true, anchorState: true, exact: true },
  });
  return new Map(rows.map((r) => [r.id, { anchorState: r.anchorState, exact: r.exact }]));
}

const quote = (s: string) => `“${s.length > 40 ? `${s.slice(0, 40)}…` : s}”`;

/**
 * After a correction moved the claims (same transaction): each member whose
 * claims it changed is told, once, which ones. "Changed" means the claim's
 * words are no longer all there: it drifted (an editor must confirm or
 * re-place it) or was orphaned, or a drifted claim drifted again to other
 * words. A claim that only moved kept its words and is not news.
 */
export async function notifyCorrected(
  tx: Tx,
  c: {
    teamId: string;
    actor: { id: string; name: string | null; email: string };
    article: { id: string; title: string | null };
    versionId: string;
    versionNumber: number;
    before: AnchorSnapshot;
  },
): Promise<NotificationBatch> {
  const after = await tx.annotation.findMany({
    where: { teamId: c.teamId, articleId: c.article.id, deletedAt: null, anchorState: { in: ["drifted", "orphaned"] } },
    select: { id: true, authorId: true, anchorState: true, exact: true, start: true },
    orderBy: { start: "asc" },
  });
  const changed = after.filter((a) => {
    const was = c.before.get(a.id);
    return was && (was.anchorState !== a.anchorState || was.exact !== a.exact);
  });
  const byAuthor = new Map<string, typeof changed>();
  for (const a of changed) byAuthor.set(a.authorId, [...(byAuthor.get(a.authorId) ?? []), a]);
  const who = c.actor.name ?? c.actor.email;
  return insertNotifications(
    tx,
    c.teamId,
    c.actor.id,
    [...byAuthor.entries()].map(([userId, claims]) => {
      // Quoted as the author wrote it: a drifted claim's words are the new text's now.
      const listed = claims
        .slice(0, 3)
        .map((a) => `${quote(c.before.get(a.id)?.exact ?? a.exact)} ${a.anchorState}`)
        .join(", ");
      const more = claims.length > 3 ? ` and ${claims.length - 3} more` : "";
      // The link opens the first one that still has a place in the text (an orphan has none).
      const first = claims.find((a) => a.anchorState === "drifted") ?? claims[0]!;
      return {
        userId,
        kind: "corrected" as const,
        objectType: "article_version",
        objectId: c.versionId,
        articleId: c.article.id,
        text: `${who}'s correction of “${c.article.title ?? "an article"}” (version ${c.versionNumber}) changed ${claims.length === 1 ? "a claim" : `${claims.length} claims`} of yours: ${listed}${more}.`,
        url: claimLink(c.article.id, first.id),
      };
    }),
  );
}
