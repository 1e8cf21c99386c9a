import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { RelatedClaimDto, RelatedClaimRef } from "@/lib/schemas/assist";
import type { Verdict } from "@/lib/schemas/claim";
import { analyzeText } from "@/lib/assist/analyze-text";
import { matchClaim, signatureOf, type Signature } from "@/lib/assist/match-claims";
import { nameKey } from "@/lib/assist/aliases";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { visibleAnnotationWhere, visibleClaimWhere } from "@/lib/server/visibility/visible-where";
import type { Visibility } from "@/lib/policies/visibility";
import { ensureArticleIndexed, teamTerm } from "./sentence-index";
import { corpusStats, searchSentences, type IndexedSentence } from "./sentence-search";
import { backfillTeam } from "./team-backfill";
import { may } from "@/lib/policies/permissions";

/** At most this many related sentences, and this many per article. */
export const MAX_RELATED = 30;
const PER_ARTICLE = 3;

/** The claim's signature: the indexed sentences under its span, or, for a claim not on the current version, its own words. */
async function claimSignature(
  teamId: string,
  claim: { articleId: string; versionId: string; start: number; end: number; exact: string },
): Promise<Signature> {
  const current = await ensureArticleIndexed(teamId, claim.articleId);
  const rows =
    current === claim.versionId
      ? await db.assistSentence.findMany({
          where: { teamId, versionId: claim.versionId, start: { lt: claim.end }, end: { gt: claim.start } },
          select: { terms: true, signature: true },
          orderBy: { ordinal: "asc" },
        })
      : [];
  if (!rows.length) {
    const sentences = analyzeText(claim.exact);
    return merge(sentences.map(signatureOf));
  }
  const team = teamTerm(teamId);
  return merge(
    rows.map((r) => ({ ...(r.signature as unknown as Omit<Signature, "terms">), terms: r.terms.split(" ").filter((t) => t !== team) })),
  );
}

function merge(parts: Signature[]): Signature {
  const seen = new Set<string>();
  return {
    terms: parts.flatMap((p) => p.terms),
    entities: parts.flatMap((p) => p.entities).filter((e) => (seen.has(`e:${e.key}`) ? false : (seen.add(`e:${e.key}`), true))),
    numbers: [...new Set(parts.flatMap((p) => p.numbers))],
    speakers: parts
      .flatMap((p) => p.speakers)
      .filter((s) => (seen.has(`s:${nameKey(s.name)}`) ? false : (seen.add(`s:${nameKey(s.name)}`), true))),
    modality: parts.some((p) => p.modality === "request") ? "request" : "statement",
    earlier: parts.find((p) => p.earlier)?.earlier ?? null,
    negated: parts.some((p) => p.negated),
  };
}

/**
 * GET /api/claims/{id}/related: sentences of the team's other articles that
 * may state the same claim, best first, each with its score, level (suggest or
 * strong), reasons, and the earlier claim on it the viewer may see. Candidates
 * come from the database's full-text index; lib/assist/match-claims.ts ranks
 * them. 404 for a claim the viewer cannot see (blind review).
 */
export async function listRelatedClaims(user: Viewer, claimId: string): Promise<RelatedClaimDto[]> {
  if (!claimId) throw notFound("Claim not found.");
  const visibility = user.visibility;
  const claim = await db.annotation.findFirst({
    where: { id: claimId, deletedAt: null, article: { deletedAt: null }, AND: [visibleAnnotationWhere(visibility)] },
    select: { articleId: true, versionId: true, start: true, end: true, exact: true },
  });
  if (!claim) throw notFound("Claim not found.");
  await backfillTeam(user.teamId);
  const signature = await claimSignature(user.teamId, claim);
  const stats = await corpusStats(user.teamId, signature.terms);
  const candidates = await searchSentences(user.teamId, signature, stats, claim.articleId);
  const live = await currentVersions(user.teamId, [...new Set(candidates.map((c) => c.articleId))]);
  const perArticle = new Map<string, number>();
  const ranked = candidates
    .filter((c) => live.get(c.articleId)?.versionId === c.versionId)
    .map((c) => ({ c, m: matchClaim(stats, signature, c.signature) }))
    .filter((x) => x.m.level)
    .sort((a, b) => b.m.score - a.m.score)
    .filter((x) => {
      const n = perArticle.get(x.c.articleId) ?? 0;
      perArticle.set(x.c.articleId, n + 1);
      return n < PER_ARTICLE;
    })
    .slice(0, MAX_RELATED);
  const claims = await claimsOn(
    user.teamId,
    visibility,
    ranked.map((x) => x.c),
  );
  return ranked.map(({ c, m }) => {
    const article = live.get(c.articleId)!;
    const found = claims.get(c.id);
    return {
      articleId: c.articleId,
      articleTitle: article.title,
      outlet: article.outlet,
      start: c.start,
      end: c.end,
      text: c.text,
      score: m.score,
      level: m.level!,
      reasons: m.reasons,
      speaker: c.speaker,
      ...(found ? { claim: found } : {}),
    };
  });
}

async function currentVersions(teamId: string, articleIds: string[]) {
  if (!articleIds.length) return new Map<string, { versionId: string; title: string | null; outlet: string | null }>();
  const articles = await db.article.findMany({
    where: { teamId, id: { in: articleIds }, deletedAt: null },
    select: { id: true, title: true, outlet: true, versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } } },
  });
  return new Map(articles.map((a) => [a.id, { versionId: a.versions[0]?.id ?? "", title: a.title, outlet: a.outlet }]));
}

const evidenceSelect = {
  where: { deletedAt: null },
  orderBy: { createdAt: "asc" as const },
  take: 5,
  select: { stance: true, evidence: { select: { id: true, title: true, url: true } } },
};
const toEvidence = (links: { stance: string; evidence: { id: string; title: string; url: string | null } }[]) =>
  links.map((l) => ({ id: l.evidence.id, title: l.evidence.title, url: l.evidence.url, stance: l.stance }));

/**
 * The best earlier claim on each sentence, through the cross-article
 * visibility rule: the desk's final claim first (a round's decided claim, or
 * an editor's own claim), else the newest visible annotation.
 */
async function claimsOn(teamId: string, visibility: Visibility, sentences: IndexedSentence[]): Promise<Map<string, RelatedClaimRef>> {
  const out = new Map<string, RelatedClaimRef>();
  if (!sentences.length) return out;
  const versionIds = [...new Set(sentences.map((s) => s.versionId))];
  // The columns final claims and annotations share.
  const columns = {
    id: true,
    versionId: true,
    start: true,
    end: true,
    verdict: true,
    rationaleHtml: true,
    speaker: true,
    updatedAt: true,
    evidenceLinks: evidenceSelect,
  } as const;
  const [finals, annotations] = await Promise.all([
    db.claim.findMany({
      where: { teamId, versionId: { in: versionIds }, deletedAt: null, AND: [visibleClaimWhere(visibility)] },
      select: {
        ...columns,
        cluster: { select: { decisions: { orderBy: { createdAt: "desc" }, take: 1, select: { decider: { select: { name: true } } } } } },
      },
    }),
    db.annotation.findMany({
      where: { teamId, versionId: { in: versionIds }, deletedAt: null, AND: [visibleAnnotationWhere(visibility)] },
      select: {
        ...columns,
        roundId: true,
        author: { select: { name: true, memberships: { where: { teamId }, select: { role: true } } } },
      },
      orderBy: { updatedAt: "desc" },
    }),
  ]);
  for (const s of sentences) {
    const overlaps = (x: { versionId: string; start: number; end: number }) =>
      x.versionId === s.versionId && x.start < s.end && s.start < x.end;
    const final = finals.find(overlaps);
    const editorOwn = annotations.find((a) => overlaps(a) && !a.roundId && a.author.memberships.some((m) => may(m, "claims.final")));
    const any = annotations.find(overlaps);
    if (final) {
      out.set(s.id, {
        kind: "final",
        source: { kind: "claim", id: final.id },
        verdict: final.verdict as Verdict,
        rationaleHtml: final.rationaleHtml,
        speaker: final.speaker,
        author: final.cluster?.decisions[0]?.decider.name ?? null,
        date: final.updatedAt.toISOString(),
        evidence: toEvidence(final.evidenceLinks),
      });
    } else if (editorOwn ?? any) {
      const a = (editorOwn ?? any)!;
      out.set(s.id, {
        kind: editorOwn ? "final" : "annotation",
        source: { kind: "annotation", id: a.id },
        verdict: a.verdict as Verdict,
        rationaleHtml: a.rationaleHtml,
        speaker: a.speaker,
        author: a.author.name,
        date: a.updatedAt.toISOString(),
        evidence: toEvidence(a.evidenceLinks),
      });
    }
  }
  return out;
}
