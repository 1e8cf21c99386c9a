import { test, expect, testDb } from "../../support/fixtures";
import { AGREED_PHRASE, CONFLICT_PHRASE } from "../../support/review-desk";
import { makeAdjudicatedRound } from "../../support/decided-round";
import { gotoLive, personPage } from "../../support/review-pages";
import { highlightedText } from "../../support/select-text";
import { createRound } from "@/seeds/review-factories";
import { CSV_COLUMNS } from "@/lib/export/csv";
import { parseCsv } from "../../support/parse-csv";

test("after a correction the round page says which version it shows and draws clusters on it; a reviewer in a new blind round gets reports without the outcome", async ({
  browser,
}) => {
  const desk = await makeAdjudicatedRound();
  const eve = await personPage(browser, desk.editor.email);
  expect((await eve.request.post(`/api/reviews/${desk.round.id}/close`, { data: { version: desk.round.version } })).status()).toBe(200);
  const text = `A new first paragraph.\n${desk.version.text.replace(CONFLICT_PHRASE, "the alliance gathering held in Spain")}`;
  expect((await eve.request.post(`/api/articles/${desk.article.id}/versions`, { data: { version: 1, text } })).status()).toBe(201);
  await gotoLive(eve, `/reviews/${desk.round.id}`);
  await expect(eve.getByTestId("round-version-notice")).toHaveText(
    "This round reviewed version 1; a correction has since moved its claims to version 2.",
  );
  const agreed = desk.clusters.find((c) => c.kind === "agreed")!;
  await expect.poll(() => highlightedText(eve, agreed.id)).toBe(AGREED_PHRASE);
  const conflict = desk.clusters.find((c) => c.kind === "verdict_conflict")!;
  await expect(eve.locator(`.article-viewer [data-claim-id="${conflict.id}"]`)).toHaveCount(0);

  await createRound(testDb(), {
    team: desk.team,
    version: { ...(await testDb().articleVersion.findFirstOrThrow({ where: { articleId: desk.article.id, number: 2 } })) },
    createdById: desk.editor.id,
    adjudicatorId: desk.editor.id,
    reviewerIds: [desk.reviewer1.id],
  });
  const ann = await personPage(browser, desk.reviewer1.email);
  // Blind, Ann gets each report with its header row and no claims in it.
  const annReport = ann.request.get(`/api/articles/${desk.article.id}/report?format=csv`);
  const annRoundReport = ann.request.get(`/api/articles/${desk.article.id}/report?format=csv&round=${desk.round.id}`);
  for (const res of [await annReport, await annRoundReport]) {
    expect(res.status()).toBe(200);
    const csv = await res.text();
    expect(parseCsv(csv)).toEqual([[...CSV_COLUMNS]]);
    expect(csv).not.toContain(AGREED_PHRASE);
  }
  const eveRes = await eve.request.get(`/api/articles/${desk.article.id}/report?format=csv`);
  expect(eveRes.status()).toBe(200);
  const eveCsv = await eveRes.text();
  expect(eveCsv).toContain(AGREED_PHRASE);
});
