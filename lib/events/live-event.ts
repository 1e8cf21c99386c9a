/**
 * The small, content-free events that keep open sessions fresh: a browser
 * learns THAT something changed (which object, its new version, and the few
 * flags below) and reads what it needs of it through the API, with all the
 * usual access checks: one claim for a claim's change, nothing for a delete
 * (lib/queries/use-live-events.ts).
 */
export const LIVE_EVENT_KINDS = ["annotation", "round", "cluster", "comment", "notification", "article"] as const;
export type LiveEventKind = (typeof LIVE_EVENT_KINDS)[number];

export type LiveEvent = {
  team: string;
  /** The article the change concerns, when there is one. */
  article: string | null;
  kind: LiveEventKind;
  /** The changed object's id (annotation, round, cluster, comment, notification or article). */
  id: string;
  /** Its row version after the change, when it has one. */
  version: number | null;
  /** The object is gone (a claim or article deleted): a browser drops it without asking for it. */
  removed?: boolean;
  /**
   * Annotation events: the annotation is an editor's claim outside review
   * rounds, so the article's final claims change with it. Only a viewer who
   * may hear of the annotation hears this.
   */
  outcome?: boolean;
  /** Article events: the text changed (a correction: a new version, every claim re-anchored); without it, only the details. */
  text?: boolean;
  /**
   * The only members who may hear of it (user ids), when the change is not
   * the team's to know yet: a draft in an open review round goes to its
   * author alone (eventAudience in lib/policies/visibility.ts). Streams drop
   * it for everyone else and never send this field to browsers.
   */
  audience?: readonly string[] | null;
};

/** A bus carries events between the use cases and the SSE streams of one or more app instances. */
export type EventBus = {
  /** Never throws: a lost live update costs a refresh, a failed write would cost the user's work. */
  publish(event: LiveEvent): Promise<void>;
  /**
   * Calls `listener` for every event (of every team: the stream filters);
   * returns the unsubscribe. `onGap` is called when events may have been lost
   * (the PostgreSQL bus re-opened its LISTEN connection after a drop): the
   * subscriber should treat everything as stale.
   */
  subscribe(listener: (event: LiveEvent) => void, onGap?: () => void): () => void;
  /** Resolves once events published anywhere will reach this bus's subscribers. */
  ready(): Promise<void>;
  close(): Promise<void>;
};

/** What a browser receives of an event: no audience, and the flags only when set. */
export const toWireEvent = ({ team, article, kind, id, version, removed, outcome, text }: LiveEvent): LiveEvent => ({
  team,
  article,
  kind,
  id,
  version,
  ...(removed ? { removed } : {}),
  ...(outcome ? { outcome } : {}),
  ...(text ? { text } : {}),
});

/** Parses an event from the wire, or null for anything malformed. */
export function parseLiveEvent(raw: string): LiveEvent | null {
  try {
    const e = JSON.parse(raw) as Partial<LiveEvent>;
    if (typeof e.team !== "string" || typeof e.id !== "string" || !LIVE_EVENT_KINDS.includes(e.kind as LiveEventKind)) return null;
    const audience = Array.isArray(e.audience) ? e.audience.filter((id): id is string => typeof id === "string") : null;
    return {
      team: e.team,
      article: typeof e.article === "string" ? e.article : null,
      kind: e.kind as LiveEventKind,
      id: e.id,
      version: typeof e.version === "number" ? e.version : null,
      ...(e.removed === true ? { removed: true } : {}),
      ...(e.outcome === true ? { outcome: true } : {}),
      ...(e.text === true ? { text: true } : {}),
      ...(audience ? { audience } : {}),
    };
  } catch {
    return null;
  }
}
