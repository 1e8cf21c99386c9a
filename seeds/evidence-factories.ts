/**
 * Factories for the evidence library: items, claims on a phrase, and links.
 * Shared by the demo seed and the tests (which own their data through them).
 */
import { randomUUID } from "node:crypto";
import type { Db } from "@/lib/db";
import type { Verdict } from "@/lib/schemas/claim";
import type { EvidenceKind, Stance } from "@/lib/schemas/evidence";
import type { DatePrecision } from "@/lib/dates/iso-date";
import { describeSpan } from "@/lib/anchoring/selectors";
import { OffsetIndex } from "@/lib/anchoring/offsets";
import { searchTextOf } from "@/lib/server/evidence/search-text";

export type EvidenceItemData = {
  team: { id: string };
  kind?: EvidenceKind;
  title?: string;
  url?: string | null;
  publisher?: string | null;
  publishedDate?: string | null;
  quote?: string | null;
  notesHtml?: string;
  dateStart?: string | null;
  dateEnd?: string | null;
  datePrecision?: DatePrecision | null;
  seedKey?: string | null;
  createdById?: string | null;
  sourceIds?: string[];
};

/** A library item (a web source unless `kind` says otherwise), with its search column filled. */
export async function createEvidenceItem(db: Db, data: EvidenceItemData) {
  const columns = {
    kind: data.kind ?? "web_source",
    title: data.title ?? `Source ${randomUUID().slice(0, 8)}`,
    url: data.url ?? null,
    publisher: data.publisher ?? null,
    publishedDate: data.publishedDate ?? null,
    quote: data.quote ?? null,
  };
  return db.evidenceItem.create({
    data: {
      teamId: data.team.id,
      ...columns,
      notesHtml: data.notesHtml ?? "",
      dateStart: data.dateStart ?? null,
      dateEnd: data.dateEnd ?? null,
      datePrecision: data.datePrecision ?? null,
      searchText: searchTextOf(columns),
      seedKey: data.seedKey ?? null,
      createdById: data.createdById ?? null,
      ...(data.sourceIds?.length ? { sources: { connect: data.sourceIds.map((id) => ({ id })) } } : {}),
    },
  });
}

/** What an annotation on a phrase says: who, where, and its verdict. */
export type PhraseAnnotation = {
  team: { id: string };
  version: { id: string; articleId: string; text: string };
  authorId: string;
  phrase: string;
  verdict: Verdict;
  rationaleHtml?: string;
  occurrence?: number;
};

/**
 * A claim (annotation) on the `occurrence`-th appearance of `phrase` in a
 * version's canonical text, with selectors computed as the API computes them.
 * Throws when the phrase is not in the text, so a changed seed fails loudly.
 */
export async function createClaimOnPhrase(db: Db, data: PhraseAnnotation) {
  return db.annotation.create({ data: { ...phraseAnnotation(data), status: "submitted" } });
}

/** The columns of an annotation by `authorId` on a phrase of the version's text (its `occurrence`-th, from 0). */
export function phraseAnnotation(data: PhraseAnnotation) {
  const { start, end, quote } = phraseSelectors(data.version.text, data.phrase, data.occurrence);
  return {
    teamId: data.team.id,
    articleId: data.version.articleId,
    versionId: data.version.id,
    authorId: data.authorId,
    start,
    end,
    exact: quote.exact,
    prefix: quote.prefix,
    suffix: quote.suffix,
    verdict: data.verdict,
    rationaleHtml: data.rationaleHtml ?? "",
  };
}

/** The code-point span of a phrase in canonical text. */
export function findPhrase(text: string, phrase: string, index = new OffsetIndex(text), occurrence = 0): { start: number; end: number } {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(phrase, at + 1);
    if (at < 0) throw new Error(`Phrase not found in the text: ${phrase}`);
  }
  const start = index.toCodePoint(at);
  return { start, end: index.toCodePoint(at + phrase.length) };
}

/**
 * The code-point span of the `occurrence`-th `phrase` in canonical text and
 * its TextQuoteSelector (exact, prefix, suffix), as the API computes them.
 * Throws when the phrase is not in the text.
 */
export function phraseSelectors(text: string, phrase: string, occurrence = 0) {
  const index = new OffsetIndex(text);
  const { start, end } = findPhrase(text, phrase, index, occurrence);
  return { start, end, quote: describeSpan(text, start, end, index).quote };
}

/** Attaches an item to a claim with a stance. */
export function createEvidenceLink(
  db: Db,
  data: { team: { id: string }; evidenceId: string; claimId: string; stance?: Stance; pinpoint?: string | null },
) {
  return db.evidenceLink.create({
    data: {
      teamId: data.team.id,
      evidenceId: data.evidenceId,
      annotationId: data.claimId,
      stance: data.stance ?? "supports",
      pinpoint: data.pinpoint ?? null,
    },
  });
}
