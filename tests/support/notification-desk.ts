/** Integration data for the notification tests: a desk of tests/support/actors.ts on a two-sentence article, and the steps every round there starts with. */
import { db } from "@/lib/db";
import { createClaim } from "@/lib/server/claims/create-claim";
import { startRound } from "@/lib/server/reviews/start-round";
import { viewerOf } from "@/lib/server/visibility/viewer";
import { makeDesk } from "./actors";

export const NOTIFY_TEXT =
  "The minister said inflation fell to 3 percent in May.\nExports rose by 12 percent, the ministry claimed on Tuesday.";

/** The code-point span of a phrase of {@link NOTIFY_TEXT} (ASCII: code points are UTF-16 units). */
export const span = (phrase: string) => ({ start: NOTIFY_TEXT.indexOf(phrase), end: NOTIFY_TEXT.indexOf(phrase) + phrase.length });

/** A mention of a member as the rich-text editor writes it. */
export const mentionChip = (m: { id: string; name: string | null }) =>
  `<span data-type="mention" data-id="${m.id}" data-label="${m.name}">@${m.name}</span>`;

export type NotifyDesk = Awaited<ReturnType<typeof makeDesk>>;

export const makeNotifyDesk = () => makeDesk(db, NOTIFY_TEXT);

/** The editor starts a round on the article for both reviewers and adjudicates it. */
export async function startDeskRound(desk: NotifyDesk) {
  return startRound(await viewerOf(desk.editor), {
    articleId: desk.article.id,
    reviewerIds: [desk.reviewer.id, desk.reviewer2.id],
    adjudicatorId: desk.editor.id,
  });
}

/** Both reviewers mark "inflation fell to 3 percent" in their round, one disputed, the other verified. */
export async function splitOnInflation(desk: NotifyDesk) {
  for (const [who, verdict] of [
    [desk.reviewer, "disputed"],
    [desk.reviewer2, "verified"],
  ] as const)
    await createClaim(who, desk.article.id, { versionId: desk.version.id, ...span("inflation fell to 3 percent"), verdict });
}
