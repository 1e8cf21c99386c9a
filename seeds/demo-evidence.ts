/**
 * The demo evidence library, from seeds/evidence/evidence.json (a copy of the
 * project's shared reference evidence; the app never reads the shared folder):
 * each source becomes a web-source item, each entry's dates one dated-fact
 * item linked to its sources. Then a few demo claims by the desk's editor on
 * the seed articles, with evidence attached, so a new user sees the point at
 * once. Idempotent: items are found again by seedKey, claims by their span.
 */
import { readFileSync } from "node:fs";
import type { Db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import type { Stance } from "@/lib/schemas/evidence";
import { coarser, dateBounds, parseIsoDate, type DatePrecision } from "@/lib/dates/iso-date";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { createClaimOnPhrase, createEvidenceItem, createEvidenceLink, findPhrase, type EvidenceItemData } from "./evidence-factories";

type Source = { publisher: string; title: string; url: string; published: string };
type Entry = { key: string; title: string; summary: string; dates: string[]; sources: Source[]; notes: string };

/** The shipped reference evidence. */
export function demoEvidence(): Entry[] {
  return (JSON.parse(readFileSync(new URL("./evidence/evidence.json", import.meta.url), "utf8")) as { items: Entry[] }).items;
}

/** An entry's dates as one interval: from the earliest to the latest day covered, at the coarsest precision given ("2022-11" is a month). */
export function datesToInterval(dates: string[]): { dateStart: string; dateEnd: string | null; datePrecision: DatePrecision } {
  const sorted = [...dates].sort((a, b) => dateBounds(a).first.localeCompare(dateBounds(b).first));
  const dateStart = sorted[0]!;
  const dateEnd = [...dates].sort((a, b) => dateBounds(b).last.localeCompare(dateBounds(a).last))[0]!;
  const datePrecision = dates.map((d) => parseIsoDate(d)!.precision).reduce(coarser);
  return { dateStart, dateEnd: dateEnd === dateStart ? null : dateEnd, datePrecision };
}

/** Demo claims: [seed file stem, phrase in the canonical text, verdict, rationale, evidence (fact key) and stance]. */
const DEMO_CLAIMS: {
  stem: string;
  phrase: string;
  verdict: Verdict;
  rationale: string;
  fact: string;
  stance: Stance;
  pinpoint?: string;
}[] = [
  {
    stem: "000_adab854ca7d5bdf4",
    phrase: "hundreds of tanks, fighter jets and weapons to NATO member Poland",
    verdict: "verified",
    rationale: "Poland's framework agreements of July 2022 cover about 980 K2 tanks, 648 K9 howitzers and 48 FA-50 jets.",
    fact: "poland-korea-arms-deal-2022",
    stance: "supports",
  },
  {
    stem: "000_adab854ca7d5bdf4",
    phrase: "the NATO summit in Madrid in June 2022",
    verdict: "verified",
    rationale: "The Madrid summit ran from 28 to 30 June 2022; Yoon and Kishida attended on 29 June.",
    fact: "madrid-summit-2022",
    stance: "supports",
  },
  {
    stem: "000_adab854ca7d5bdf4",
    phrase: "after a one-day visit to South Korea",
    verdict: "disputed",
    rationale: "Stoltenberg was in Seoul for two days, 29 and 30 January 2023.",
    fact: "stoltenberg-seoul-visit-2023",
    stance: "contradicts",
  },
  {
    stem: "004_9860bfa2709a7987",
    phrase:
      "“huge sales contract” signed by South Korea for arms including heavy tanks, self-propelled guns, and fighters with NATO member state Poland",
    verdict: "verified",
    rationale: "The first executive contracts (K2 tanks, K9 howitzers) were signed on 26 August 2022; the FA-50 contract followed.",
    fact: "poland-korea-arms-deal-2022",
    stance: "supports",
    pinpoint: "executive contracts worth about USD 5.76 billion",
  },
  {
    stem: "001_bb3c64dddcf2a7b9",
    phrase: "At last year’s NATO summit in Madrid",
    verdict: "verified",
    rationale: "The summit was in June 2022, the year before the visit.",
    fact: "madrid-summit-2022",
    stance: "supports",
  },
  {
    stem: "002_1ab7544f7cdacd8f",
    phrase: "U.S. intelligence reports accusing North Korea of providing weapons to Russia",
    verdict: "unsourced",
    rationale: "A US government assessment (22 December 2022), denied by North Korea and Wagner; not independently verified.",
    fact: "dprk-arms-to-wagner-2022",
    stance: "context",
  },
];

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function seedDemoEvidence(db: Db, team: { id: string }): Promise<{ created: number }> {
  let created = 0;
  const ids = new Map<string, string>();
  const ensure = async (seedKey: string, data: Omit<EvidenceItemData, "team" | "seedKey">) => {
    const found = await db.evidenceItem.findUnique({ where: { teamId_seedKey: { teamId: team.id, seedKey } }, select: { id: true } });
    const id = found?.id ?? (await createEvidenceItem(db, { ...data, team, seedKey })).id;
    if (!found) created++;
    ids.set(seedKey, id);
    return id;
  };
  for (const entry of demoEvidence()) {
    const sourceIds: string[] = [];
    for (const s of entry.sources) {
      sourceIds.push(
        await ensure(`source:${s.url}`, {
          kind: "web_source",
          title: s.title,
          url: s.url,
          publisher: s.publisher,
          publishedDate: s.published,
        }),
      );
    }
    const notesHtml = sanitizeRichText(`<p>${escapeHtml(entry.summary)}</p><p>${escapeHtml(entry.notes)}</p>`);
    await ensure(`fact:${entry.key}`, { kind: "dated_fact", title: entry.title, notesHtml, ...datesToInterval(entry.dates), sourceIds });
  }

  const editor = await db.membership.findFirst({
    where: { teamId: team.id, role: "editor" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  if (!editor) return { created };
  for (const c of DEMO_CLAIMS) {
    const article = await db.article.findFirst({
      where: { teamId: team.id, sourceRef: `seed:${c.stem}` },
      select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, articleId: true, text: true } } },
    });
    const version = article?.versions[0];
    if (!version) continue;
    const span = findPhrase(version.text, c.phrase);
    const exists = await db.annotation.findFirst({
      where: { teamId: team.id, versionId: version.id, authorId: editor.userId, ...span },
      select: { id: true },
    });
    if (exists) continue;
    const claim = await createClaimOnPhrase(db, {
      team,
      version,
      authorId: editor.userId,
      phrase: c.phrase,
      verdict: c.verdict,
      rationaleHtml: `<p>${escapeHtml(c.rationale)}</p>`,
    });
    await createEvidenceLink(db, {
      team,
      evidenceId: ids.get(`fact:${c.fact}`)!,
      claimId: claim.id,
      stance: c.stance,
      pinpoint: c.pinpoint ?? null,
    });
    created++;
  }
  return { created };
}
