/** Integration data: a closed review round on a desk of tests/support/actors.ts, made through the shared factories and the close use case. */
import type { Db } from "@/lib/db";
import { findPhrase } from "@/seeds/evidence-factories";
import { annotateInRound, decideForTest, deskRound, revealForTest, submitInRound } from "@/seeds/review-factories";
import { closeRound } from "@/lib/server/reviews/close-round";
import type { makeDesk } from "./actors";
import { viewerOf } from "@/lib/server/visibility/viewer";

type Desk = Awaited<ReturnType<typeof makeDesk>>;

/**
 * A closed round on the desk's article: both reviewers mark each phrase
 * (first occurrence) as disputed, every cluster is accepted as marked, and
 * the round is closed through the use case. The cluster of `retract` is
 * rejected after its accept, which leaves a tombstoned Claim row. Returns the
 * round and its Claim rows (tombstones included) by their words.
 */
export async function makeClosedRound(db: Db, desk: Desk, phrases: string[], retract?: string) {
  const version = { ...desk.version, articleId: desk.article.id };
  const round = await deskRound(db, { team: desk.team, version, editor: desk.editor, reviewers: [desk.reviewer, desk.reviewer2] });
  for (const reviewer of [desk.reviewer, desk.reviewer2]) {
    for (const phrase of phrases)
      await annotateInRound(db, { team: desk.team, roundId: round.id, version, authorId: reviewer.id, phrase, verdict: "disputed" });
    await submitInRound(db, round.id, reviewer.id);
  }
  for (const cluster of await revealForTest(db, { id: round.id, teamId: desk.team.id }, desk.editor.id)) {
    const phrase = cluster.members[0]!.annotation.exact;
    const decide = { team: desk.team, version, deciderId: desk.editor.id, rationaleHtml: "<p>Checked against the statute.</p>" };
    await decideForTest(db, {
      ...decide,
      cluster,
      action: "accept",
      boundary: "union",
      span: findPhrase(version.text, phrase),
      verdict: "disputed",
    });
    if (phrase !== retract) continue;
    const again = await db.cluster.findUniqueOrThrow({
      where: { id: cluster.id },
      include: { members: { include: { annotation: true } } },
    });
    await decideForTest(db, { ...decide, cluster: again, action: "reject" });
  }
  await closeRound(await viewerOf(desk.editor), round.id, (await db.reviewRound.findUniqueOrThrow({ where: { id: round.id } })).version);
  const claims = await db.claim.findMany({ where: { cluster: { roundId: round.id } } });
  const words = claims.map((c) => c.exact).sort();
  if (words.join("\n") !== [...phrases].sort().join("\n"))
    throw new Error(`The round's claims are ${JSON.stringify(words)}, not the phrases marked.`);
  return { round, claims: Object.fromEntries(claims.map((c) => [c.exact, c])) };
}
