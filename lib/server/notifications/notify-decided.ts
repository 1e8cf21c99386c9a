import type { Db } from "@/lib/db";
import { VERDICT_LABELS, type Verdict } from "@/lib/schemas/claim";
import { claimLink } from "@/lib/schemas/deep-link";
import { richTextToPlain } from "@/lib/rich-text/sanitize";
import { insertNotifications, type NotificationBatch } from "./insert-notifications";

type Tx = Pick<Db, "notification" | "membership">;

/** A decision as its notifications tell it. */
export type DecisionNotice = {
  teamId: string;
  actor: { id: string; name: string | null; email: string };
  article: { id: string; title: string | null };
  action: "accept" | "reject";
  verdict?: Verdict;
  rationaleHtml: string;
  /** True when an earlier decision on the cluster was changed. */
  changed: boolean;
  /** The cluster's annotations: each author hears of theirs. */
  members: readonly { id: string; authorId: string; exact: string; verdict: string }[];
};

const quote = (s: string) => `“${s.length > 60 ? `${s.slice(0, 60)}…` : s}”`;
const excerpt = (html: string) => {
  const plain = richTextToPlain(html).replace(/\s+/g, " ").trim();
  return plain.length > 140 ? `${plain.slice(0, 140)}…` : plain;
};

/**
 * Each reviewer whose annotation the decision settled is told how: accepted
 * with which verdict (and theirs, when it differed), or rejected as not a
 * claim, with the decider's reason. One notification per reviewer (their
 * first annotation in the cluster), linking to it on the article.
 */
export function notifyDecided(tx: Tx, d: DecisionNotice): Promise<NotificationBatch> {
  const byAuthor = new Map<string, DecisionNotice["members"][number]>();
  for (const m of d.members) if (!byAuthor.has(m.authorId)) byAuthor.set(m.authorId, m);
  const who = d.actor.name ?? d.actor.email;
  const why = excerpt(d.rationaleHtml);
  const title = `“${d.article.title ?? "an article"}”`;
  return insertNotifications(
    tx,
    d.teamId,
    d.actor.id,
    [...byAuthor.values()].map((m) => {
      const outcome =
        d.action === "accept"
          ? `accepted as ${VERDICT_LABELS[d.verdict!]}${m.verdict !== d.verdict ? ` (you said ${VERDICT_LABELS[m.verdict as Verdict] ?? m.verdict})` : ""}`
          : "rejected as not a claim";
      return {
        userId: m.authorId,
        kind: "decided" as const,
        objectType: "annotation",
        objectId: m.id,
        articleId: d.article.id,
        text: `${who} ${d.changed ? "changed the decision on" : "decided"} your claim ${quote(m.exact)} in ${title}: ${outcome}.${why ? ` Reason: ${why}` : ""}`,
        url: claimLink(d.article.id, m.id),
      };
    }),
  );
}
