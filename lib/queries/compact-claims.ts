/**
 * An article's claims list in a compact form, for the article page's first
 * HTML response: the same ClaimDto[] the API answers, but
 * one short row per claim instead of an object of 25 named fields. An
 * article of 5,000 claims weighed 3.6 MB of JSON in the page; as rows it is
 * about a sixth of that. Nothing is lost: the browser expands the rows into
 * the very objects the API would have sent (`expandClaims`), before they
 * reach react-query.
 * - What every claim shares (the article, its version) is said once; authors
 *   are a table the rows point into; `can` is three bits.
 * - A field most of the list has at the same value other than its usual one
 *   (every claim a draft, say) is said once, in `usual`.
 * - Times are milliseconds after the list's earliest creation (`since`), where
 *   that gives back the very string (an ISO time as the API writes it); at
 *   5,000 claims the 24-character times were a fifth of the rows.
 * - The quote (exact, prefix, suffix) is left out when the version's text
 *   gives it back exactly (describeSpan of the offsets: every claim anchored
 *   on the current text); a claim whose stored quote differs (an orphan, a
 *   drifted claim) carries its own.
 * - Any field away from its usual value (a rationale, a speaker, a round,
 *   evidence, an anchor state) rides in the row's last element, by name.
 * Browser-safe: the server encodes with it, the page decodes with it.
 */
import type { ClaimDto } from "@/lib/schemas/claim";
import { VERDICTS } from "@/lib/schemas/claim";
import { describeSpan } from "@/lib/anchoring/selectors";
import { OffsetIndex } from "@/lib/anchoring/offsets";

/**
 * id, start, end, verdict (index into VERDICTS), version, author (index into `authors`), createdAt, updatedAt ("" = createdAt),
 * can (bits), then the fields that differ from the list's usual values. A time is a string, or a number: ms after `since`.
 */
type Row = [string, number, number, number, number, number, Time, Time, number, Partial<ClaimDto>?];
type Time = string | number;

/** The compact claims list: `compactClaims` tells it from a plain list. */
export type CompactClaims = {
  compactClaims: 1;
  articleId: string;
  versionId: string;
  authors: ClaimDto["author"][];
  /** The list's own usual values, where most of it differs from USUAL. */
  usual?: Partial<ClaimDto>;
  /** The time (ms since the epoch) numeric times count from. */
  since: number;
  rows: Row[];
};

/** The value most claims have for each field a row leaves out. */
const USUAL = {
  rationaleHtml: "",
  speaker: null,
  firstAppearanceUrl: null,
  firstAppearanceDate: null,
  status: "submitted",
  deletedAt: null,
  roundId: null,
  anchorState: "anchored",
  anchorScore: null,
  evidenceCount: 0,
} as const satisfies Partial<ClaimDto>;
const USUAL_KEYS = Object.keys(USUAL) as (keyof typeof USUAL)[];

const CAN_BITS = ["edit", "delete", "restore"] as const;
/** The fields a row carries in its own places (or that the text and the list's header give back). */
const KNOWN = new Set<string>([
  ...USUAL_KEYS,
  ...["id", "articleId", "versionId", "start", "end", "exact", "prefix", "suffix", "verdict", "version", "author"],
  ...["createdAt", "updatedAt", "can"],
]);

/** Whether `data` is a compact claims list. */
export function isCompactClaims(data: unknown): data is CompactClaims {
  return typeof data === "object" && data !== null && (data as { compactClaims?: unknown }).compactClaims === 1;
}

/**
 * The claims of one article version as rows. `text` is that version's
 * canonical text (the quotes it gives back are left out).
 */
export function compactClaims(claims: readonly ClaimDto[], article: { id: string; versionId: string; text: string }): CompactClaims {
  const index = new OffsetIndex(article.text);
  const own = listUsual(claims);
  const usual = { ...USUAL, ...own };
  const since = claims.reduce((min, c) => Math.min(min, Date.parse(c.createdAt) || Infinity), Infinity);
  const base = Number.isFinite(since) ? since : 0;
  const time = (iso: string): Time => {
    const ms = Date.parse(iso);
    return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms - base : iso;
  };
  const authors: ClaimDto["author"][] = [];
  const authorAt = new Map<string, number>();
  const rows = claims.map((c): Row => {
    let a = authorAt.get(c.author.id);
    if (a === undefined || authors[a]!.name !== c.author.name) {
      a = authors.push(c.author) - 1;
      authorAt.set(c.author.id, a);
    }
    const extra: Partial<ClaimDto> = {};
    const q = describeSpan(article.text, c.start, c.end, index).quote;
    if (q.exact !== c.exact || q.prefix !== c.prefix || q.suffix !== c.suffix)
      Object.assign(extra, { exact: c.exact, prefix: c.prefix, suffix: c.suffix });
    for (const k of USUAL_KEYS) if (c[k] !== usual[k]) Object.assign(extra, { [k]: c[k] });
    // A field this form does not know yet goes as it is.
    for (const k of Object.keys(c) as (keyof ClaimDto)[]) if (!KNOWN.has(k)) Object.assign(extra, { [k]: c[k] });
    if (c.articleId !== article.id) extra.articleId = c.articleId;
    if (c.versionId !== article.versionId) extra.versionId = c.versionId;
    const can = CAN_BITS.reduce((bits, k, i) => bits | (c.can[k] ? 1 << i : 0), 0);
    const row: Row = [
      c.id,
      c.start,
      c.end,
      VERDICTS.indexOf(c.verdict),
      c.version,
      a,
      time(c.createdAt),
      c.updatedAt === c.createdAt ? "" : time(c.updatedAt),
      can,
    ];
    if (Object.keys(extra).length) row.push(extra);
    return row;
  });
  return { compactClaims: 1, articleId: article.id, versionId: article.versionId, authors, ...(own && { usual: own }), since: base, rows };
}

/** The values most of the list shares for the fields USUAL names, where they are not USUAL's (a primitive value only); or undefined. */
function listUsual(claims: readonly ClaimDto[]): Partial<ClaimDto> | undefined {
  let own: Partial<ClaimDto> | undefined;
  for (const k of USUAL_KEYS) {
    const counts = new Map<unknown, number>();
    for (const c of claims) counts.set(c[k], (counts.get(c[k]) ?? 0) + 1);
    let best: unknown = USUAL[k];
    for (const [value, n] of counts) if (n > (counts.get(best) ?? 0)) best = value;
    if (best !== USUAL[k] && (best === null || typeof best !== "object")) own = { ...own, [k]: best };
  }
  return own;
}

/** The claims list the rows stand for, field for field as the API answers it; `text` is the version's canonical text. */
export function expandClaims(compact: CompactClaims, text: string): ClaimDto[] {
  const index = new OffsetIndex(text);
  const usual = { ...USUAL, ...compact.usual };
  const time = (t: Time) => (typeof t === "number" ? new Date(compact.since + t).toISOString() : t);
  return compact.rows.map(([id, start, end, verdict, version, author, created, updated, can, extra]) => {
    const q = extra?.exact === undefined ? describeSpan(text, start, end, index).quote : null;
    const createdAt = time(created);
    return {
      id,
      articleId: compact.articleId,
      versionId: compact.versionId,
      start,
      end,
      exact: q ? q.exact : extra!.exact!,
      prefix: q ? q.prefix : extra!.prefix!,
      suffix: q ? q.suffix : extra!.suffix!,
      verdict: VERDICTS[verdict]!,
      rationaleHtml: usual.rationaleHtml,
      speaker: usual.speaker,
      firstAppearanceUrl: usual.firstAppearanceUrl,
      firstAppearanceDate: usual.firstAppearanceDate,
      status: usual.status,
      version,
      author: compact.authors[author]!,
      createdAt,
      updatedAt: updated === "" ? createdAt : time(updated),
      deletedAt: usual.deletedAt,
      roundId: usual.roundId,
      anchorState: usual.anchorState,
      anchorScore: usual.anchorScore,
      evidenceCount: usual.evidenceCount,
      can: { edit: (can & 1) !== 0, delete: (can & 2) !== 0, restore: (can & 4) !== 0 },
      ...extra,
    };
  });
}

/** A query of a dehydrated page state, as far as expanding it needs. */
type DehydratedEntry = { queryKey: readonly unknown[]; state: { data?: unknown } };
type ArticleData = { currentVersion?: { id?: string; text?: string } };

/**
 * A page state (lib/server/pages) with each compact claims list expanded
 * back into its ClaimDto[], using the text of the article the same state
 * holds (the server compacts a list only beside its article).
 */
export function expandPageState<S extends { queries: DehydratedEntry[] }>(state: S): S {
  if (!state.queries.some((q) => isCompactClaims(q.state.data))) return state;
  const texts = new Map<string, string>();
  for (const q of state.queries) {
    const v = (q.state.data as ArticleData | undefined)?.currentVersion;
    if (q.queryKey.length === 2 && q.queryKey[0] === "articles" && typeof v?.id === "string" && typeof v.text === "string")
      texts.set(v.id, v.text);
  }
  return {
    ...state,
    queries: state.queries.map((q) => {
      const data = q.state.data;
      if (!isCompactClaims(data)) return q;
      const text = texts.get(data.versionId);
      if (text === undefined) throw new Error(`No text for the compact claims of version ${data.versionId}`);
      return { ...q, state: { ...q.state, data: expandClaims(data, text) } };
    }),
  };
}
