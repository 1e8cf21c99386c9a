import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadReports } from "@/lib/server/reports/load-reports";
import { loadVisibility } from "@/lib/server/visibility/viewer";
import { warmUpModel } from "@/lib/server/reports/warm-up-reports";
import { createArticle } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink } from "@/seeds/evidence-factories";
import { makeDecidedRound } from "../support/decided-round";

/** Each object's fields, in order, by where it sits in the model (`[]` for any element of an array). */
function shapes(value: unknown, path = "model", out = new Map<string, Set<string>>()): Map<string, Set<string>> {
  if (Array.isArray(value)) {
    for (const v of value) shapes(v, `${path}[]`, out);
  } else if (value && typeof value === "object") {
    let seen = out.get(path);
    if (!seen) out.set(path, (seen = new Set()));
    seen.add(Object.keys(value).join(","));
    for (const [k, v] of Object.entries(value)) shapes(v, `${path}.${k}`, out);
  }
  return out;
}

/** The objects a report builder walks for every claim, and once per report. */
const BUILT_FROM = [
  "model",
  "model.team",
  "model.article",
  "model.version",
  "model.summary",
  "model.reviewers[]",
  "model.claims[]",
  "model.claims[].evidence[]",
  "model.claims[].reviews[]",
  "model.claims[].reviews[].reviewer",
  "model.claims[].cluster",
  "model.claims[].decision",
  "model.claims[].decision.by",
  "model.claims[].author",
];

/**
 * The report workers warm up on sample reports (lib/server/reports/warm-up-reports.ts) so that
 * the first export after a restart is not the slow one. V8 optimizes the builders for the
 * shapes of the objects they met; a sample made with other fields, or the same fields in
 * another order, left a loaded report to be optimized again (the first 10,000-claim PDF took
 * 3.2-3.5 s against 2.6-2.7 s on PostgreSQL). A field the loader adds must be added to the
 * sample by the same steps, or this fails.
 */
describe("the report workers' warm-up model", () => {
  it("has the fields of a loaded report, in the loader's order, at every level a builder walks", async () => {
    const desk = await makeDecidedRound();
    const { team } = desk;
    // An editor's own claim with evidence, beside the round's decided claims with their reviews.
    const solo = await createArticle(db, { team, text: "NATO has 31 members. Stoltenberg met Yoon in Seoul.", meta: { title: "Solo" } });
    const version = { id: solo.versions[0]!.id, articleId: solo.id, text: solo.versions[0]!.text };
    const claim = await createClaimOnPhrase(db, {
      team,
      version,
      authorId: desk.editor.id,
      phrase: "NATO has 31 members",
      verdict: "verified",
    });
    const item = await createEvidenceItem(db, { team, title: "Member list", url: "https://www.nato.int/members" });
    await createEvidenceLink(db, { team, evidenceId: item.id, claimId: claim.id, stance: "supports", pinpoint: "p. 2" });

    const visibility = await loadVisibility({ id: desk.editor.id, teamId: team.id, role: "editor" });
    const loaded = await loadReports(visibility, [desk.article.id, solo.id], { baseUrl: "http://claimdesk.test" });
    const real = new Map<string, Set<string>>();
    for (const model of loaded) shapes(model, "model", real);
    const warm = shapes(warmUpModel(3));

    // What the comparison covers: a decided claim with its reviews and one with evidence.
    expect(loaded.flatMap((m) => m.claims).some((c) => c.decision && c.reviews.length > 1)).toBe(true);
    expect(loaded.flatMap((m) => m.claims).some((c) => c.evidence.length > 0)).toBe(true);
    for (const path of BUILT_FROM) {
      expect({ path, keys: [...(warm.get(path) ?? [])] }).toEqual({ path, keys: [...(real.get(path) ?? [])] });
      expect({ path, shapes: real.get(path)?.size }).toEqual({ path, shapes: 1 });
    }
  });
});
