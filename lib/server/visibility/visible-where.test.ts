import { describe, expect, it } from "vitest";
import { sealVisibility, type Visibility } from "@/lib/policies/visibility";
import {
  liveVisibleLinkWhere,
  visibleAnnotationSql,
  visibleAnnotationWhere,
  visibleClaimWhere,
  visibleClusterWhere,
  visibleEvidenceItemWhere,
  visibleOutcomeRoundWhere,
} from "./visible-where";

const since = new Date("2026-03-01T10:00:00Z");
const ben = sealVisibility(
  { id: "ben", teamId: "T", role: "reviewer" },
  [{ roundId: "R", articleId: "X", since, reviewerIds: ["ann", "ben"] }],
  ["R"],
);
const eve = sealVisibility({ id: "eve", teamId: "T", role: "editor" }, [], ["R"]);
/** A member of a team with no open round. */
const quiet = sealVisibility({ id: "eve", teamId: "T", role: "editor" }, [], []);

describe("the where-builders", () => {
  it("assert their input: no Visibility, no query", () => {
    const fake = { viewerId: "eve", teamId: "T", role: "editor", blind: [], openRoundIds: [] } as unknown as Visibility;
    for (const build of [
      visibleAnnotationWhere,
      visibleClaimWhere,
      visibleClusterWhere,
      visibleEvidenceItemWhere,
      visibleOutcomeRoundWhere,
      liveVisibleLinkWhere,
    ]) {
      expect(() => build(fake)).toThrow(/needs the caller's Visibility/);
      expect(() => build(undefined as unknown as Visibility)).toThrow();
    }
  });

  it("always name the team", () => {
    for (const v of [ben, eve]) {
      expect(visibleAnnotationWhere(v).teamId).toBe("T");
      expect(visibleClaimWhere(v).teamId).toBe("T");
      expect(visibleEvidenceItemWhere(v).teamId).toBe("T");
      expect(visibleClusterWhere(v)).toMatchObject({ teamId: "T", round: { teamId: "T" } });
    }
  });

  it("hide open-round drafts of others from a member in no round, by the rounds' ids, and nothing more", () => {
    expect(visibleAnnotationWhere(eve)).toEqual({
      teamId: "T",
      AND: [{ OR: [{ roundId: null }, { roundId: { notIn: ["R"] } }, { authorId: "eve" }] }],
    });
    expect(visibleClaimWhere(eve)).toEqual({ teamId: "T" });
    expect(visibleEvidenceItemWhere(eve)).toEqual({ teamId: "T" });
  });

  it("need nothing but the team while the team has no open round", () => {
    expect(visibleAnnotationWhere(quiet)).toEqual({ teamId: "T" });
  });

  it("limit a blind reviewer to their own round work on that article, its outcome to nothing, and hide co-reviewers' new items", () => {
    expect(visibleAnnotationWhere(ben).AND).toContainEqual({
      OR: [{ articleId: { notIn: ["X"] } }, { roundId: { in: ["R"] }, authorId: "ben" }],
    });
    expect(visibleClaimWhere(ben)).toEqual({ teamId: "T", articleId: { notIn: ["X"] } });
    expect(visibleOutcomeRoundWhere(ben)).toEqual({ teamId: "T", articleId: { notIn: ["X"] } });
    expect(visibleEvidenceItemWhere(ben)).toEqual({ teamId: "T", NOT: { OR: [{ createdById: "ann", createdAt: { gte: since } }] } });
  });

  it("bind a visibility's open rounds in SQL as one value, so a statement over many articles does not grow with their number", () => {
    const ids = Array.from({ length: 834 }, (_, i) => `R${i}`);
    const many = sealVisibility({ id: "eve", teamId: "T", role: "editor" }, [], ids);
    const sql = visibleAnnotationSql(many, "n");
    expect(sql.values).toHaveLength(3);
    expect(sql.values.slice(0, 2)).toEqual(["T", "eve"]);
    // An array on PostgreSQL, JSON for SQLite's json_each: the same ids.
    const rounds = sql.values[2];
    expect(Array.isArray(rounds) ? rounds : JSON.parse(rounds as string)).toEqual(ids);
    expect(visibleAnnotationSql(quiet, "n").values).toEqual(["T"]);
  });
});
