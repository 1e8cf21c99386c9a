import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink } from "@/seeds/evidence-factories";

const PHRASES = ["hundreds of tanks, fighter jets and weapons to NATO member Poland", "the NATO summit in Madrid in June 2022"];

test("opening an article asks for evidence only for the claims that have some, and for the card the editor selects", async ({
  page,
  context,
  desk,
}) => {
  const db = testDb();
  const version = { ...desk.version, articleId: desk.article.id };
  const [withEvidence, without] = await Promise.all(
    PHRASES.map((phrase) => createClaimOnPhrase(db, { team: desk.team, version, authorId: desk.reviewer.id, phrase, verdict: "verified" })),
  );
  const item = await createEvidenceItem(db, {
    team: desk.team,
    title: "S. Korea signs deal to export tanks, howitzers to Poland",
    publisher: "KBS World",
  });
  await createEvidenceLink(db, { team: desk.team, evidenceId: item.id, claimId: withEvidence!.id, stance: "supports" });

  const asked: string[] = [];
  page.on("request", (r) => {
    const m = /\/api\/claims\/([^/]+)\/evidence$/.exec(new URL(r.url()).pathname);
    if (m && r.method() === "GET") asked.push(m[1]!);
  });
  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const cardWith = page.locator(`[data-testid="claim-card"][data-claim-id="${withEvidence!.id}"]`);
  await expect(cardWith.getByTestId("evidence-link")).toHaveCount(1);
  await expect(page.getByTestId("claim-card")).toHaveCount(2);
  expect(asked).toEqual([withEvidence!.id]);

  // Selecting the other card loads its (empty) evidence, with the controls to attach.
  const cardWithout = page.locator(`[data-testid="claim-card"][data-claim-id="${without!.id}"]`);
  await cardWithout.getByRole("button", { name: /show in the text/ }).click();
  await expect(cardWithout.getByRole("combobox", { name: "Attach evidence" })).toBeVisible();
  await expect.poll(() => asked).toEqual([withEvidence!.id, without!.id]);
});
