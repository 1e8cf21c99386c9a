import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { seedDemo } from "@/seeds/demo";
import { listFinalClaims } from "@/lib/server/claims/list-final-claims";
import { loadVisibility } from "@/lib/server/visibility/viewer";

describe("the demo review seed", () => {
  it("holds one finished round and one waiting for adjudication, and a second run changes nothing", async () => {
    await seedDemo(db);
    const team = await db.team.findUniqueOrThrow({ where: { slug: "demo-desk" } });
    const rounds = await db.reviewRound.findMany({
      where: { teamId: team.id },
      include: { article: { select: { sourceRef: true } }, clusters: { include: { decisions: true }, orderBy: { number: "asc" } } },
      orderBy: { createdAt: "asc" },
    });
    expect(rounds.map((r) => [r.article.sourceRef, r.status])).toEqual([
      ["seed:001_bb3c64dddcf2a7b9", "adjudicated"],
      ["seed:004_9860bfa2709a7987", "revealed"],
    ]);
    const [finished, waiting] = rounds;
    expect(
      finished!.clusters.every((c) => c.status === "decided" && c.decisions.length === 1 && c.decisions[0]!.rationaleHtml.length > 10),
    ).toBe(true);
    expect(waiting!.clusters.map((c) => [c.kind, c.status])).toEqual([
      ["agreed", "open"],
      ["boundary_only", "open"],
      ["verdict_conflict", "open"],
    ]);
    const editor = await db.membership.findFirstOrThrow({ where: { teamId: team.id, role: "editor" } });
    const finals = await listFinalClaims(await loadVisibility({ id: editor.userId, teamId: team.id, role: "editor" }), finished!.articleId);
    expect(finals.filter((f) => f.source === "round").map((f) => f.verdict)).toEqual(["unsourced", "verified", "verified"]);

    const counts = async () => [
      await db.reviewRound.count({ where: { teamId: team.id } }),
      await db.annotation.count({ where: { teamId: team.id } }),
      await db.decision.count({ where: { teamId: team.id } }),
    ];
    const before = await counts();
    await seedDemo(db);
    expect(await counts()).toEqual(before);
  });
});
