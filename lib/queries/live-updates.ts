import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { LiveEvent } from "@/lib/events/live-event";
import type { ClaimDto } from "@/lib/schemas/claim";
import type { LineKind } from "@/lib/schemas/article";
import { cachedClaim, dropClaim, putClaim } from "./claims-cache";
import { invalidateArticleLists, queryKeys } from "./keys";
import { keysForEvent, touchesArticleLists } from "./live-event-keys";
import { reviewKeys } from "./review-keys";

/** An article as the cache holds it: what a details-only read is merged into. */
type CachedArticle = { version: number; currentVersion: { id: string; text: string; lineKinds?: readonly LineKind[] | null } };
/** The article's details: everything but the current text and its lines' kinds. */
export type ArticleDetails = Omit<CachedArticle, "currentVersion"> & {
  currentVersion: Omit<CachedArticle["currentVersion"], "text" | "lineKinds">;
};

/** The reads a live event may cost: one claim, or an article's details. Null for a 404 (gone, or no longer visible). */
export type LiveReads = {
  claim: (claimId: string) => Promise<ClaimDto | null>;
  articleDetails: (articleId: string) => Promise<ArticleDetails | null>;
};

/** How long annotation events are remembered for a claims list that arrives late, and the clock difference allowed between server and browser. */
const REPLAY_WINDOW_MS = 60_000;
const REPLAY_MARGIN_MS = 5_000;

const isShown = (qc: QueryClient, queryKey: QueryKey) => (qc.getQueryCache().find({ queryKey, exact: true })?.getObserversCount() ?? 0) > 0;
const isArticleKey = (key: QueryKey) => key.length === 2 && key[0] === "articles" && key[1] !== "page";

/** Resolves once no mutation of this tab is in flight, or after `ms`. */
function mutationsSettled(qc: QueryClient, ms = 5_000): Promise<void> {
  if (qc.isMutating() === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = qc.getMutationCache().subscribe(() => qc.isMutating() === 0 && done());
  });
}

/**
 * Applies live events (lib/events/live-event.ts) to the react-query cache at
 * the cost of what changed, not of the screen:
 * - a claim created or edited: one read of that claim (GET /api/claims/{id},
 *   through the blind-review rule), patched into the article's list; none
 *   when the list already holds that version (the viewer's own save, once
 *   its answer is in: the event may come first), and
 *   none at all for a delete (`removed`);
 * - an article's new details: a read without the text (`?text=0`), merged
 *   into the article held; the text is read again only after a correction;
 * - everything else: the keys of lib/queries/live-event-keys.ts go stale.
 * A query no screen shows is only marked stale: it refetches when shown.
 * Events about one object are applied one after another, in order, so a late
 * answer never brings back a claim deleted meanwhile.
 */
export function createLiveUpdater(qc: QueryClient, reads: LiveReads) {
  const chains = new Map<string, Promise<void>>();
  const serial = (id: string, step: () => Promise<void>) => {
    const next = (chains.get(id) ?? Promise.resolve()).then(step).catch(() => {});
    chains.set(id, next);
    void next.then(() => chains.get(id) === next && chains.delete(id));
    return next;
  };

  async function claimChanged(e: LiveEvent & { article: string }) {
    const key = queryKeys.claims(e.article);
    const held = cachedClaim(qc, e.article, e.id);
    // The banner's count and the cards' outcome badges follow a reviewer's own round work.
    if (held?.roundId) void qc.invalidateQueries({ queryKey: reviewKeys.articleRound(e.article) });
    if (!qc.getQueryData(key)) return;
    if (e.removed) return dropClaim(qc, e.article, e.id);
    // The event of the viewer's own save can come before the save's answer: once that is in, it holds this version.
    await mutationsSettled(qc);
    const now = cachedClaim(qc, e.article, e.id);
    if (now && e.version !== null && now.version >= e.version) return;
    if (!isShown(qc, key)) return void qc.invalidateQueries({ queryKey: key });
    const claim = await reads.claim(e.id).catch(() => undefined);
    // A failed read: the list is read again rather than left wrong.
    if (claim === undefined) return void qc.invalidateQueries({ queryKey: key });
    if (!claim) return dropClaim(qc, e.article, e.id);
    putClaim(qc, claim);
    if (claim.roundId && !now) void qc.invalidateQueries({ queryKey: reviewKeys.articleRound(e.article) });
  }

  async function detailsChanged(articleId: string, version: number | null) {
    const key = queryKeys.article(articleId);
    const held = qc.getQueryData<CachedArticle>(key);
    if (!held || (version !== null && held.version >= version)) return;
    if (!isShown(qc, key)) return void qc.invalidateQueries({ queryKey: key, exact: true });
    const details = await reads.articleDetails(articleId);
    const now = qc.getQueryData<CachedArticle>(key);
    if (!details || !now || details.currentVersion.id !== now.currentVersion.id) return void qc.invalidateQueries({ queryKey: key });
    qc.setQueryData<CachedArticle>(key, {
      ...details,
      currentVersion: { ...details.currentVersion, text: now.currentVersion.text, lineKinds: now.currentVersion.lineKinds },
    });
  }

  // A claims list that arrives after events about it (a page rendered on the server while they
  // were on their way, then hydrated) gets those events again: they were ignored while it was absent.
  const recent: { at: number; event: LiveEvent & { article: string } }[] = [];
  const unsubscribe = qc.getQueryCache().subscribe((change) => {
    const key = change.query.queryKey;
    if (change.type !== "added" || key.length !== 3 || key[0] !== "articles" || key[2] !== "claims" || !change.query.state.data) return;
    const since = change.query.state.dataUpdatedAt - REPLAY_MARGIN_MS;
    for (const r of recent) if (r.event.article === key[1] && r.at >= since) void serial(r.event.id, () => claimChanged(r.event));
  });
  const remember = (event: LiveEvent & { article: string }) => {
    const now = Date.now();
    recent.push({ at: now, event });
    while (recent.length > 500 || (recent[0] && recent[0].at < now - REPLAY_WINDOW_MS)) recent.shift();
  };

  return {
    /** Applies one event; resolves once its reads are done (tests and benches wait on it). */
    apply(e: LiveEvent): Promise<void> {
      for (const queryKey of keysForEvent(e)) void qc.invalidateQueries({ queryKey });
      if (touchesArticleLists(e)) invalidateArticleLists(qc);
      const article = e.article;
      if (e.kind === "annotation" && article) {
        remember({ ...e, article });
        return serial(e.id, () => claimChanged({ ...e, article }));
      }
      if (e.kind === "article" && article && !e.text && !e.removed) return serial(article, () => detailsChanged(article, e.version));
      return Promise.resolve();
    },
    /**
     * After events may have been missed (the stream says `resync`): every
     * query goes stale once, and the articles on screen are read without
     * their text first, which is read again only if it changed.
     */
    resync(): Promise<void> {
      void qc.invalidateQueries({ predicate: (q) => !isArticleKey(q.queryKey) });
      const articles = qc.getQueryCache().findAll({ predicate: (q) => isArticleKey(q.queryKey) });
      return Promise.all(articles.map((q) => serial(String(q.queryKey[1]), () => detailsChanged(String(q.queryKey[1]), null)))).then(
        () => {},
      );
    },
    close: unsubscribe,
  };
}
