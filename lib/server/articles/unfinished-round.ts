import type { Db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Round statuses in which a correction would corrupt the round. A round
 * reviews one version: its clusters, decisions and Claim rows hold offsets
 * on `ReviewRound.versionId`, while a correction moves the reviewers'
 * annotations onto the new version. Until the round is closed someone may
 * still read or act on both: reviewers annotate (open), the adjudicator picks
 * a reviewer's span as the boundary (revealed, and adjudicated too, where a
 * decision can still be changed), and that span would be applied to the
 * round's old text at the wrong characters.
 */
const UNFINISHED = ["open", "revealed", "adjudicated"] as const;

/** The newest review round of the article that is not closed yet, if any. */
export function findUnfinishedRound(reader: Pick<Db, "reviewRound">, teamId: string, articleId: string) {
  return reader.reviewRound.findFirst({
    where: { teamId, articleId, status: { in: [...UNFINISHED] } },
    select: { id: true, status: true },
    orderBy: { createdAt: "desc" },
  });
}

/** The 409 a correction gets while a round of the article is not closed. */
export function unfinishedRoundConflict(round: { status: string }) {
  const state =
    round.status === "adjudicated" ? "decided but not closed" : round.status === "revealed" ? "being adjudicated" : "open for reviewers";
  return new AppError(
    "CONFLICT",
    `A review round on this article is ${state}. Finish or close the review round first: a correction would move the reviewers' spans off the version the round is about.`,
  );
}
