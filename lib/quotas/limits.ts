import { z } from "zod";

/**
 * The limits that keep one user (or a flood of requests) from filling the
 * database or stalling the server, read once from the environment and
 * validated like lib/env.ts. The defaults sit far above what a newsroom does
 * in honest work; docs/limits.md has the table.
 */
const count = (fallback: number, min = 1) => z.coerce.number().int().min(min).max(100_000_000).default(fallback);

const schema = z.object({
  /** Annotation rows (tombstones included) one article may hold. */
  CLAIMDESK_MAX_CLAIMS_PER_ARTICLE: count(10_000),
  /** Claims one GET /api/articles/{id}/claims returns; larger articles are paged. */
  CLAIMDESK_CLAIMS_PAGE_SIZE: count(2_000),
  /** State-changing API requests (POST, PATCH, PUT, DELETE) per user per minute. */
  CLAIMDESK_WRITES_PER_MINUTE: count(600),
  /** Open live-event streams (/api/events) per user, per app instance. */
  CLAIMDESK_STREAMS_PER_USER: count(20),
  /** Sign-in throttle rows kept at most; the least telling go first past it. */
  CLAIMDESK_THROTTLE_ROWS_MAX: count(100_000),
  /** Hours an idle, unlocked sign-in throttle row is kept. */
  CLAIMDESK_THROTTLE_ROW_HOURS: count(24),
  /** Requests the server works on at once (static files and open event streams aside). */
  CLAIMDESK_MAX_IN_FLIGHT: count(16),
  /** Requests that may wait for a free slot; past it the server answers 503 at once. */
  CLAIMDESK_QUEUE_LIMIT: count(128, 0),
  /** How long a request may wait for a slot before it gets 503. */
  CLAIMDESK_QUEUE_WAIT_MS: count(1_000, 0),
});

/** Every limit, by its environment variable. */
export type Limits = z.infer<typeof schema>;

let cached: Limits | undefined;

/** The limits, read once from the environment and validated (an invalid value stops the server at start). */
export function limits(): Limits {
  if (cached) return cached;
  cached = parseLimits(process.env);
  return cached;
}

/** Parses limits from an environment-like object (empty strings count as unset); throws naming the variable. */
export function parseLimits(source: Record<string, string | undefined>): Limits {
  const raw = Object.fromEntries(Object.entries(source).filter(([k, v]) => k.startsWith("CLAIMDESK_") && v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment variable ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

/** The defaults, for documentation and tests. */
export const DEFAULT_LIMITS: Limits = parseLimits({});
