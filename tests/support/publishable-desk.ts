/**
 * A desk ready to publish: the team's publisher identity and
 * verdict wording set, an article with its outlet URL, and three editor
 * claims (final claims outside review rounds) with speakers: one verified
 * with a public and an internal source, one disputed, and one drifted by a
 * correction (never published as a standing verdict). A reviewer's own
 * annotation stays private work, never on the public page.
 */
import { createArticle, createTeam, createUser } from "@/seeds/factories";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink } from "@/seeds/evidence-factories";
import { seedText, testDb, type Member } from "./fixtures";

export const PUBLIC_SOURCE = "NATO press release of 29 January";
export const INTERNAL_SOURCE = "Notes of our call with the embassy";
export const REVIEWER_PHRASE = "before heading to Japan on Monday";
export const DRIFTED_PHRASE = "NATO wants to create a new Cold War in Asia";
export const CLAIM_PHRASES = [
  "NATO Secretary-General Jens Stoltenberg begins a visit to Asia",
  "arriving in South Korea on Sunday",
] as const;

export async function makePublishableDesk() {
  const db = testDb();
  const team = await createTeam(db);
  await db.team.update({
    where: { id: team.id },
    data: {
      publisherName: `${team.name} Fact Check`,
      publisherUrl: "https://factcheck.example/",
      labelDisputed: "False",
      labelVerified: "True",
    },
  });
  const member = async (role: Member["role"]): Promise<Member> => {
    const u = await createUser(db, { team, role });
    return { id: u.id, email: u.email, role };
  };
  const [editor, reviewer, admin] = [await member("editor"), await member("reviewer"), await member("admin")];
  const article = await createArticle(db, {
    team,
    text: seedText(),
    meta: {
      title: `Stoltenberg in Asia ${team.slug}`,
      outlet: "Test Outlet",
      publishedDate: "2023-01-30",
      url: "https://news.example/stoltenberg",
    },
  });
  const version = article.versions[0]!;
  const claim = (phrase: string, verdict: "verified" | "disputed", authorId = editor.id, rationaleHtml = "") =>
    createClaimOnPhrase(db, { team, version, authorId, phrase, verdict, rationaleHtml });
  const verified = await claim(CLAIM_PHRASES[0], "verified", editor.id, "<p>Confirmed by <strong>NATO</strong>.</p>");
  const disputed = await claim(CLAIM_PHRASES[1], "disputed");
  const drifted = await claim(DRIFTED_PHRASE, "disputed");
  await db.annotation.update({ where: { id: drifted.id }, data: { anchorState: "drifted", speaker: "KCNA" } });
  await db.annotation.update({
    where: { id: verified.id },
    data: { speaker: "NATO", firstAppearanceUrl: "https://www.nato.int/speech", firstAppearanceDate: "2023-01-28" },
  });
  await db.annotation.update({ where: { id: disputed.id }, data: { speaker: "Test Outlet" } });
  await claim(REVIEWER_PHRASE, "disputed", reviewer.id);
  const pub = await createEvidenceItem(db, { team, title: PUBLIC_SOURCE, url: "https://www.nato.int/release" });
  const internal = await createEvidenceItem(db, { team, title: INTERNAL_SOURCE });
  await db.evidenceItem.update({ where: { id: internal.id }, data: { internal: true } });
  await createEvidenceLink(db, { team, evidenceId: pub.id, claimId: verified.id });
  await createEvidenceLink(db, { team, evidenceId: internal.id, claimId: verified.id });
  return { team, editor, reviewer, admin, article, version, text: version.text, claims: { verified, disputed, drifted } };
}
export type PublishableDesk = Awaited<ReturnType<typeof makePublishableDesk>>;
