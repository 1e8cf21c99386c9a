import { test, expect, signInContext, testDb } from "../../support/fixtures";
import { createClaimOnPhrase, createEvidenceItem } from "@/seeds/evidence-factories";
import { MADRID_DATE_HINT, makeMadridRemarks } from "../../support/madrid-remarks";

const PHRASE = "hundreds of tanks, fighter jets and weapons to NATO member Poland";

test("attach a library item with the picker and create one inline, by keyboard; after reload both show with their stance", async ({
  page,
  context,
  desk,
}) => {
  const db = testDb();
  const claim = await createClaimOnPhrase(db, {
    team: desk.team,
    version: { ...desk.version, articleId: desk.article.id },
    authorId: desk.reviewer.id,
    phrase: PHRASE,
    verdict: "verified",
  });
  const kbs = await createEvidenceItem(db, {
    team: desk.team,
    title: "S. Korea signs deal to export tanks, howitzers to Poland",
    publisher: "KBS World",
    url: "http://world.kbs.co.kr/service/news_view.htm?lang=e&Seq_Code=172010",
  });
  await createEvidenceItem(db, { team: desk.team, title: "Unrelated report on fisheries", publisher: "Somewhere" });

  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${desk.article.id}`);
  const card = page.locator(`[data-testid="claim-card"][data-claim-id="${claim.id}"]`);
  await card.getByRole("button", { name: /show in the text/ }).focus();
  await page.keyboard.press("Enter");
  await expect(card).toHaveAttribute("aria-current", "true");

  // The picker: search as you type, arrow keys, Enter.
  const combo = card.getByRole("combobox", { name: "Attach evidence" });
  await combo.focus();
  await page.keyboard.type("kbs howitz");
  const listbox = card.getByRole("listbox");
  await expect(listbox.getByRole("option")).toHaveCount(1);
  await expect(listbox.getByRole("option").first()).toContainText("S. Korea signs deal");
  await expect(combo).toHaveAttribute("aria-activedescendant", /.+/);
  await page.keyboard.press("Escape");
  await expect(combo).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowDown");
  await expect(listbox.getByRole("option", { selected: true })).toContainText("S. Korea signs deal");
  await page.keyboard.press("Enter");
  const links = card.getByTestId("evidence-link");
  await expect(links).toHaveCount(1);
  await expect(links.first()).toHaveAttribute("data-stance", "supports");
  await expect(combo).toHaveValue("");

  // "New evidence" inline, with another stance, all from the keyboard; a refused field keeps what was typed.
  const stance = card.getByRole("combobox", { name: "Stance", exact: true });
  await stance.focus();
  await page.keyboard.press("ArrowDown");
  await expect(stance).toHaveValue("contradicts");
  await card.getByRole("button", { name: "New evidence" }).focus();
  await page.keyboard.press("Enter");
  const form = card.getByRole("form", { name: "Create and attach" });
  await expect(form.getByLabel("Title")).toBeFocused();
  await page.keyboard.type("Yonhap: Poland deal covers 980 K2 tanks");
  await page.keyboard.press("Tab");
  await expect(form.getByLabel("URL")).toBeFocused();
  await page.keyboard.type("yna.co.kr/view/1");
  await page.keyboard.press("Enter");
  await expect(form.getByRole("alert")).toContainText("http");
  await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByLabel("Title")).toHaveValue("Yonhap: Poland deal covers 980 K2 tanks");
  await expect(form.getByLabel("URL")).toBeFocused();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("https://en.yna.co.kr/view/1");
  await page.keyboard.press("Enter");
  await expect(form).toHaveCount(0);
  await expect(card.getByRole("button", { name: "New evidence" })).toBeFocused();
  await expect(links).toHaveCount(2);
  await expect(links.nth(1)).toHaveAttribute("data-stance", "contradicts");

  const rows = await db.evidenceLink.findMany({
    where: { annotationId: claim.id },
    include: { evidence: true },
    orderBy: { createdAt: "asc" },
  });
  expect(rows.map((r) => [r.evidence.title, r.stance, r.evidence.teamId])).toEqual([
    [kbs.title, "supports", desk.team.id],
    ["Yonhap: Poland deal covers 980 K2 tanks", "contradicts", desk.team.id],
  ]);

  await page.reload();
  const after = page.locator(`[data-testid="claim-card"][data-claim-id="${claim.id}"]`).getByTestId("evidence-link");
  await expect(after).toHaveCount(2);
  await expect(after.nth(0)).toContainText("Supports");
  await expect(after.nth(0)).toContainText(kbs.title);
  await expect(after.nth(1)).toContainText("Contradicts");
  await expect(after.nth(1)).toContainText("Yonhap: Poland deal covers 980 K2 tanks");
});

test("a claim card warns when its date falls outside an attached dated fact, and not when it agrees", async ({ page, context, desk }) => {
  const db = testDb();
  const { article, claim: wrong, summit } = await makeMadridRemarks(desk);
  const right = await createClaimOnPhrase(db, {
    team: desk.team,
    version: { ...desk.version, articleId: desk.article.id },
    authorId: desk.reviewer.id,
    phrase: "the NATO summit in Madrid in June 2022",
    verdict: "verified",
  });
  for (const c of [wrong, right])
    await db.evidenceLink.create({ data: { teamId: desk.team.id, evidenceId: summit.id, annotationId: c.id, stance: "supports" } });

  await signInContext(context, desk.reviewer.email);
  await page.goto(`/articles/${article.id}`);
  await expect(page.getByTestId("date-hint")).toHaveText(MADRID_DATE_HINT);
  await page.goto(`/articles/${desk.article.id}`);
  await expect(page.getByTestId("evidence-link")).toHaveCount(1);
  await expect(page.getByTestId("date-hint")).toHaveCount(0);
});
