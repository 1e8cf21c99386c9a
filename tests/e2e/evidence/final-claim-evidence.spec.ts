import { test, expect, testDb } from "../../support/fixtures";
import { makeAdjudicatedRound } from "../../support/decided-round";
import { gotoLive, personPage } from "../../support/review-pages";
import { createEvidenceItem } from "@/seeds/evidence-factories";

test("a final claim's evidence reads like the library's: kind, title link, date, and a deleted item marked as such", async ({
  browser,
}) => {
  const desk = await makeAdjudicatedRound();
  const db = testDb();
  const claim = desk.claims[2]!;
  const fact = await createEvidenceItem(db, {
    team: desk.team,
    kind: "dated_fact",
    title: "Madrid Summit, June 2022",
    dateStart: "2022-06-28",
    dateEnd: "2022-06-30",
    datePrecision: "day",
  });
  const gone = await createEvidenceItem(db, { team: desk.team, title: "A withdrawn wire story", publisher: "Wire" });
  await db.evidenceLink.create({ data: { teamId: desk.team.id, evidenceId: fact.id, claimId: claim.id, stance: "supports" } });
  await db.evidenceLink.create({ data: { teamId: desk.team.id, evidenceId: gone.id, claimId: claim.id, stance: "context" } });
  await db.evidenceItem.update({ where: { id: gone.id }, data: { deletedAt: new Date() } });

  const eve = await personPage(browser, desk.editor.email);
  await gotoLive(eve, `/articles/${desk.article.id}`);
  await eve.getByRole("tab", { name: "Outcome", exact: true }).click();
  const card = eve.locator(`[data-testid="outcome-card"][data-claim-id="${claim.id}"]`);
  const links = card.getByTestId("evidence-link");
  await expect(links).toHaveCount(2);

  const factRow = links.filter({ hasText: fact.title });
  await expect(factRow).toHaveAttribute("data-stance", "supports");
  await expect(factRow.locator(".kind-tag")).toHaveText("Dated fact");
  await expect(factRow.getByRole("link", { name: fact.title })).toHaveAttribute("href", `/evidence/${fact.id}`);
  await expect(factRow).toContainText("28–30 June 2022");
  await expect(factRow).not.toHaveAttribute("data-deleted", "true");
  await expect(factRow.getByTestId("evidence-deleted")).toHaveCount(0);

  const goneRow = links.filter({ hasText: gone.title });
  await expect(goneRow).toHaveAttribute("data-deleted", "true");
  await expect(goneRow.getByTestId("evidence-deleted")).toHaveText("Deleted");
  await expect(goneRow.locator(".evidence-summary")).toHaveClass(/is-deleted/);
  await expect(goneRow).toContainText("· Wire");
});
