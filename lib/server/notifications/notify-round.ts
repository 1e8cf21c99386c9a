import { formatDate } from "@/lib/format-date";
import type { Db } from "@/lib/db";
import { insertNotifications, type NewNotification, type NotificationBatch } from "./insert-notifications";

type Tx = Pick<Db, "notification" | "membership">;

/** A round as its notifications need it (findRound's answer has all of it). */
export type RoundForNotice = {
  id: string;
  teamId: string;
  articleId: string;
  createdById: string;
  adjudicatorId: string;
  dueDate?: string | null;
  assignments: readonly { reviewerId: string }[];
  /** `lead`: the first words of an untitled article's text (lib/server/articles/article-leads.ts), as its lists name it. */
  article: { title: string | null; lead?: string | null };
};

type Actor = { id: string; name: string | null; email: string };

const who = (a: Actor) => a.name ?? a.email;
const title = (r: RoundForNotice) => {
  const name = r.article.title?.trim() || r.article.lead;
  return name ? `“${name}”` : "an article";
};
const notice = (r: RoundForNotice, userId: string, kind: NewNotification["kind"], text: string, url: string): NewNotification => ({
  userId,
  kind,
  objectType: "round",
  objectId: r.id,
  articleId: r.articleId,
  text,
  url,
});
const reviewerIds = (r: RoundForNotice) => r.assignments.map((a) => a.reviewerId);
/** The round's editors: whoever started it and its adjudicator. */
const editorIds = (r: RoundForNotice) => [...new Set([r.createdById, r.adjudicatorId])];

/** Each reviewer of a new round is told, with its due date and a link to the article. */
export function notifyAssigned(tx: Tx, r: RoundForNotice, actor: Actor): Promise<NotificationBatch> {
  const due = r.dueDate ? ` by ${formatDate(r.dueDate)}` : "";
  return insertNotifications(
    tx,
    r.teamId,
    actor.id,
    reviewerIds(r).map((id) =>
      notice(r, id, "assignment", `${who(actor)} asked you to review ${title(r)}${due}.`, `/articles/${r.articleId}`),
    ),
  );
}

/**
 * A reviewer submitted: the round's editors are told, except an editor who
 * reviews the round too (blind, they see no one else's progress).
 */
export function notifySubmitted(tx: Tx, r: RoundForNotice, actor: Actor): Promise<NotificationBatch> {
  const waiting = reviewerIds(r);
  return insertNotifications(
    tx,
    r.teamId,
    actor.id,
    editorIds(r)
      .filter((id) => !waiting.includes(id))
      .map((id) => notice(r, id, "submitted", `${who(actor)} submitted their review of ${title(r)}.`, `/reviews/${r.id}`)),
  );
}

/** The round was revealed (by the last submit, or `early` by an editor): its reviewers and editors are told. */
export function notifyRevealed(tx: Tx, r: RoundForNotice, actor: Actor, early: boolean): Promise<NotificationBatch> {
  const text = early
    ? `${who(actor)} ended the blind phase of the review of ${title(r)}: it is revealed.`
    : `Every reviewer has submitted: the review of ${title(r)} is revealed.`;
  return insertNotifications(
    tx,
    r.teamId,
    actor.id,
    [...new Set([...reviewerIds(r), ...editorIds(r)])].map((id) => notice(r, id, "revealed", text, `/reviews/${r.id}`)),
  );
}
