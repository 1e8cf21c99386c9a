import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { SuggestionsDto } from "@/lib/schemas/assist";
import type { FeatureValues } from "@/lib/assist/checkworthy-features";
import { SUGGEST_THRESHOLD, reasons, score } from "@/lib/assist/checkworthy-model";
import { articleSentences, sha256 } from "./sentence-index";
import { teamWeights } from "./team-model";

/**
 * GET /api/articles/{id}/suggestions: the check-worthy sentences of the
 * article's current version under the team's model, in text order, without
 * the ones a member dismissed. Each carries its reasons and the speaker the
 * text names. Suggestions come from the text alone, never from anyone's
 * annotations, so blind review has nothing to hide here. The first request
 * for a version answers from its analysis; the index is written after it
 * (sentence-index.ts), and later requests read the same sentences from there.
 */
export async function listSuggestions(user: CurrentUser, articleId: string): Promise<SuggestionsDto> {
  const [found, weights, dismissed] = await Promise.all([
    articleSentences(user.teamId, articleId),
    teamWeights(user.teamId),
    db.suggestionDismissal.findMany({ where: { teamId: user.teamId, articleId }, select: { textHash: true } }),
  ]);
  if (!found) throw notFound("Article not found.");
  const { versionId, sentences: rows } = found;
  const hidden = new Set(dismissed.map((d) => d.textHash));
  const suggestions = rows.flatMap((r) => {
    const features = r.features as unknown as FeatureValues;
    const p = score(weights, features.values);
    if (p < SUGGEST_THRESHOLD || hidden.has(sha256(r.text))) return [];
    return [
      {
        start: r.start,
        end: r.end,
        text: r.text,
        score: Math.round(p * 1000) / 1000,
        reasons: reasons(weights, features),
        speaker: r.speaker,
        unsourced: !!features.values.unattributed,
      },
    ];
  });
  const speakers = rows.flatMap((r) => (r.speaker ? [{ start: r.start, end: r.end, speaker: r.speaker }] : []));
  return { versionId, suggestions, speakers };
}
