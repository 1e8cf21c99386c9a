import { newId } from "@/lib/db/new-id";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Viewer } from "@/lib/server/visibility/viewer";
import { OffsetIndex } from "@/lib/anchoring/offsets";
import { looseView, placeQuoteLoosely, type LooseView } from "@/lib/anchoring/place-quote-loosely";
import { describeSpan, validateSpan } from "@/lib/anchoring/selectors";
import { timeBudget } from "@/lib/anchoring/reanchor-budget";
import { annotationsIn, isProblem, parseAnnotation, type ImportProblem, type ParsedEvidence } from "@/lib/export/parse-w3c";
import { hypothesisAnnotationsIn, isHypothesisAnnotation, parseHypothesisAnnotation } from "@/lib/export/parse-hypothesis";
import { resolveTagMap } from "@/lib/schemas/tag-map";
import { canCreateClaim } from "@/lib/policies/claim";
import { sanitizeRichText } from "@/lib/rich-text/sanitize";
import { RICH_TEXT_MAX } from "@/lib/rich-text/allowed";
import type { ImportReportDto } from "@/lib/schemas/report";
import type { AnchorFields, AnchorState, Verdict } from "@/lib/schemas/claim";
import { findArticle } from "@/lib/server/articles/find-article";
import { insertAuditEvents } from "@/lib/server/audit/insert-audit-events";
import { findOpenAssignment } from "@/lib/server/reviews/open-assignment";
import { visibleAnnotationWhere } from "@/lib/server/visibility/visible-where";
import { createManyInChunks, importEvidenceWrites } from "./import-evidence-writes";
import { limits } from "@/lib/quotas/limits";
import { placementIn, placementRefusal } from "@/lib/server/claims/insert-annotation";
import { decodeOrNull } from "@/lib/http/percent-escapes";
import { publishClaimEvent } from "@/lib/server/claims/claim-event";
import { publishEvent } from "@/lib/events/event-bus";
import { eventAudience } from "@/lib/policies/visibility";

/** Up to this many imported claims each get their own live event (one read each per viewer); more refresh the article once. */
const EVENTS_PER_CLAIM_MAX = 50;

/** Most annotations one import takes. */
export const MAX_IMPORT_ANNOTATIONS = 5000;
/**
 * Most evidence links one imported annotation may bring, and one import in
 * all: each link can create a library item, and all of them land in one
 * transaction. A claim rarely cites more than a handful.
 */
export const MAX_IMPORT_EVIDENCE_PER_ANNOTATION = 50;
export const MAX_IMPORT_EVIDENCE_LINKS = 5000;

const str = (v: unknown) => (typeof v === "string" ? v : null);

const WHY: Record<string, string> = {
  "quote-not-found": "The quoted text is not in this article.",
  ambiguous: "The quoted text occurs several times and its prefix and suffix do not single out one place.",
  "empty-quote": "The quote is empty.",
  cut: "The import ran out of time before it could place this annotation; import it again with fewer annotations.",
};

/**
 * POST /api/articles/{id}/annotations/import: W3C Web Annotations (from
 * Claimdesk or another tool) or Hypothesis's API JSON
 * (lib/export/parse-hypothesis.ts) placed on the article's current version by
 * quote and position, whitespace aside (lib/anchoring/place-quote-loosely.ts:
 * never a guess between identical phrases), tags read through the team's
 * mapping, created as the caller's annotations with their
 * verdict, sanitized rationale and evidence, in one transaction. Reports
 * each annotation that could not be placed, and why. A reviewer assigned to
 * an open round on the article imports into it, as every annotation they
 * make there goes (create-claim.ts); duplicates are judged among what the
 * caller may see there, so the answer betrays nothing blind review hides.
 * An annotation its source marks drifted or orphaned (a correction changed
 * the text after the check) is created drifted: it still needs re-review.
 *
 * The transaction checks first what a typed claim's insert checks
 * (insert-annotation.ts's placementIn): a correction saved while the file
 * was placed (409 naming `versionId`), a round of the caller's that started
 * or ended meanwhile (409: duplicates were judged outside it), a review
 * submitted meanwhile (403), and the claims cap counted with the rows in
 * that moment (409). Each refuses the whole import and writes nothing.
 * `seams.beforeWrite` runs after every read and before that transaction;
 * tests start a round or save a correction there.
 */
export async function importW3c(
  user: Viewer,
  articleId: string,
  input: unknown,
  baseUrl: string,
  seams: { beforeWrite?: () => Promise<void> } = {},
): Promise<ImportReportDto> {
  if (!canCreateClaim(user)) throw new AppError("FORBIDDEN");
  const { current } = await findArticle(user.teamId, articleId);
  const hypothesis = annotationsIn(input) ? null : hypothesisAnnotationsIn(input);
  if (hypothesis && "field" in hypothesis)
    throw new AppError("INVALID_INPUT", `"${hypothesis.field}" must be an array of Hypothesis annotations.`, { field: hypothesis.field });
  const items = annotationsIn(input) ?? hypothesis?.items;
  if (!items)
    throw new AppError(
      "INVALID_INPUT",
      "Upload a W3C Annotation, an array of them, or an AnnotationCollection or AnnotationPage with its items embedded; or Hypothesis API JSON (a search response with its rows, an array of annotations, or one).",
      { field: "type" },
    );
  if (items.length > MAX_IMPORT_ANNOTATIONS)
    throw new AppError("INVALID_INPUT", `At most ${MAX_IMPORT_ANNOTATIONS} annotations per import.`, { field: "items" });

  const text = current.text;
  const index = new OffsetIndex(text);
  let view: LooseView | undefined;
  const team = await db.team.findUnique({ where: { id: user.teamId }, select: { importTagMap: true } });
  const tagMap = resolveTagMap(team?.importTagMap);
  // A reviewer assigned to an open round on this version imports into it, as typed claims go (blind review).
  const open = await findOpenAssignment(user, articleId, current.id);
  if (open?.submitted) throw new AppError("FORBIDDEN", "Your review is submitted. Reopen it to add annotations.");
  const roundId = open?.roundId ?? null;
  const existing = await db.annotation.findMany({
    where: { AND: [visibleAnnotationWhere(user.visibility), { versionId: current.id, deletedAt: null, roundId }] },
    select: { start: true, end: true, verdict: true },
  });
  const seen = new Set(existing.map((a) => `${a.start}:${a.end}:${a.verdict}`));
  const failed: ImportProblem[] = [];
  const imported: ImportReportDto["imported"] = [];
  const rows: (AnchorFields & { id: string; verdict: Verdict; rationaleHtml: string; anchorState: AnchorState })[] = [];
  const links: { annotationId: string; evidence: ParsedEvidence[] }[] = [];
  let evidenceLinks = 0;

  // Rendering Hypothesis's Markdown (up to 50 ms for 20,000 hostile characters) and scoring context for quotes
  // that need it are CPU work on the request: one budget (1 s) for the whole import.
  const budget = timeBudget(); // started here: the reads above are waiting, not CPU
  items.forEach((raw, i) => {
    const hypothesis = isHypothesisAnnotation(raw);
    if (hypothesis && budget.spent()) return void failed.push({ index: i, id: str(raw.id), reason: "cut", message: WHY.cut! });
    const parsed = hypothesis ? parseHypothesisAnnotation(raw, i, tagMap) : parseAnnotation(raw, i, tagMap);
    if (isProblem(parsed)) return void failed.push(parsed);
    if (parsed.evidence.length > MAX_IMPORT_EVIDENCE_PER_ANNOTATION) {
      throw new AppError(
        "INVALID_INPUT",
        `Annotation #${i + 1} links ${parsed.evidence.length} pieces of evidence; at most ${MAX_IMPORT_EVIDENCE_PER_ANNOTATION} per annotation.`,
        { field: `items.${i}.body` },
      );
    }
    const badIri = parsed.evidence.find((e) => decodeOrNull(e.url) === null);
    if (badIri) {
      throw new AppError(
        "INVALID_INPUT",
        `Annotation #${i + 1} links evidence at an IRI with a malformed % escape: ${badIri.url.slice(0, 200)}`,
        { field: `items.${i}.body` },
      );
    }
    if ((evidenceLinks += parsed.evidence.length) > MAX_IMPORT_EVIDENCE_LINKS) {
      throw new AppError("INVALID_INPUT", `At most ${MAX_IMPORT_EVIDENCE_LINKS} evidence links per import.`, { field: "items" });
    }
    const fail = (reason: ImportProblem["reason"], message: string) => void failed.push({ index: i, id: parsed.id, reason, message });
    const hint = parsed.hintUtf16 === undefined ? undefined : index.toCodePoint(parsed.hintUtf16);
    const placed = placeQuoteLoosely(text, { ...parsed, hint }, index, (view ??= looseView(text)), budget);
    if (!placed.ok) return fail(placed.reason === "empty-quote" ? "quote-not-found" : placed.reason, WHY[placed.reason]!);
    if (!validateSpan(text, placed.start, placed.end, index).ok) return fail("invalid-span", "The quoted text is only blank space.");
    const key = `${placed.start}:${placed.end}:${parsed.verdict}`;
    if (seen.has(key)) return fail("duplicate", "This article already has an annotation with this span and verdict.");
    seen.add(key);
    const { quote } = describeSpan(text, placed.start, placed.end, index);
    const clean = sanitizeRichText(parsed.rationaleHtml);
    // Cut an over-long rationale and sanitize again, so a cut tag cannot survive.
    const rationaleHtml = clean.length > RICH_TEXT_MAX ? sanitizeRichText(clean.slice(0, RICH_TEXT_MAX - 200)) : clean;
    const id = newId();
    rows.push({
      id,
      start: placed.start,
      end: placed.end,
      exact: quote.exact,
      prefix: quote.prefix,
      suffix: quote.suffix,
      verdict: parsed.verdict,
      rationaleHtml,
      anchorState: parsed.anchorState ? "drifted" : "anchored",
    });
    links.push({ annotationId: id, evidence: parsed.evidence });
    imported.push({
      index: i,
      id: parsed.id,
      annotationId: id,
      start: placed.start,
      end: placed.end,
      verdict: parsed.verdict,
      placedBy: placed.how,
      evidence: 0,
    });
  });

  const evidence = await importEvidenceWrites(user, baseUrl, links);
  if (seams.beforeWrite) await seams.beforeWrite();
  if (rows.length > 0) {
    const cap = limits().CLAIMDESK_MAX_CLAIMS_PER_ARTICLE;
    const now = new Date();
    const place = { teamId: user.teamId, articleId, versionId: current.id, authorId: user.id };
    await db.$transaction(
      async (tx) => {
        // What a typed claim's insert checks, in the same place (insert-annotation.ts): with the article's row held,
        // the version is still its newest, the importer's round is the one duplicates were judged in and is not
        // submitted, and the annotations fit under the cap. Checked before this transaction, a correction saved
        // meanwhile left them on the old text, where no list shows them.
        const found = await placementIn(tx, place);
        const refused = placementRefusal(
          found,
          cap,
          rows.length,
          "nothing was imported. Import the file again to place it on the current version.",
        );
        if (refused) throw refused;
        if ((found!.roundId ?? null) !== roundId) {
          throw new AppError(
            "CONFLICT",
            roundId
              ? "Your review round of this article ended while the annotations were imported: nothing was imported. Import the file again."
              : "A review round of this article started for you while the annotations were imported: nothing was imported. Import the file again to add them to your review.",
          );
        }
        await createManyInChunks(
          rows.map((row) => ({ ...row, ...place, roundId, createdAt: now, updatedAt: now })),
          (args) => tx.annotation.createMany(args),
        );
        await evidence.write(tx);
        await insertAuditEvents(
          tx,
          rows.map((row) => ({
            teamId: user.teamId,
            actorId: user.id,
            action: "claim.import",
            objectType: "annotation",
            objectId: row.id,
            after: { ...row, roundId },
          })),
        );
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  }
  for (const i of imported) i.evidence = evidence.linked.get(i.annotationId) ?? 0;
  announceImport(user, articleId, rows, roundId);
  return { total: items.length, imported, failed: failed.sort((a, b) => a.index - b.index) };
}

/**
 * Tells the other open sessions on the article about the new claims, after
 * the commit, as a typed claim does: a round's drafts reach their author
 * alone (eventAudience). A large import sends one article event instead, and
 * viewers read the article again once rather than each claim.
 */
function announceImport(user: Viewer, articleId: string, rows: readonly { id: string }[], roundId: string | null): void {
  if (rows.length === 0) return;
  if (rows.length <= EVENTS_PER_CLAIM_MAX) {
    for (const row of rows) publishClaimEvent(user, { id: row.id, articleId, authorId: user.id, version: 1, roundId, deletedAt: null });
    return;
  }
  const audience = eventAudience({ authorId: user.id, roundId });
  publishEvent({ team: user.teamId, article: articleId, kind: "article", id: articleId, version: null, text: true, audience });
}
