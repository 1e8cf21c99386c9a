/** Typed application errors and the one table that maps them to HTTP statuses. */

export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Well-formed, but past a limit on the work it asks for (a report that takes too long to build). */
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  /** The server is at a limit of concurrent work; the same request later can succeed. */
  UNAVAILABLE: 503,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  INVALID_INPUT: "The request is not valid.",
  UNAUTHENTICATED: "Sign in to continue.",
  FORBIDDEN: "You do not have permission to do that.",
  NOT_FOUND: "Not found.",
  METHOD_NOT_ALLOWED: "This address does not take that method.",
  CONFLICT: "Someone changed this in the meantime.",
  PAYLOAD_TOO_LARGE: "The request is too large.",
  UNPROCESSABLE: "This request asks for more work than the server allows.",
  UNSUPPORTED_MEDIA_TYPE: "Send the request body as JSON (Content-Type: application/json).",
  RATE_LIMITED: "Too many requests. Try again later.",
  UNAVAILABLE: "The server is busy. Try again in a minute.",
};

/** What marks an AppError of any copy of this module (Symbol.for: the same symbol in every copy). */
const APP_ERROR = Symbol.for("claimdesk.AppError");

/**
 * An error whose message is safe to show to the user.
 *
 * `instanceof AppError` holds for an AppError made by any copy of this
 * module. Next bundles a module into each route and, apart, into
 * instrumentation.ts; a process-wide object made by whichever bundle came
 * first (the report pool is made at start by instrumentation.ts) throws its
 * bundle's AppError, and a route must still answer it with its status, not
 * a 500.
 */
export class AppError extends Error {
  readonly code: AppErrorCode;
  /** The input field at fault, as a dotted path (`rationale`, `span.start`). */
  readonly field?: string;
  /** For CONFLICT: the current state of the object, so the client can show it. */
  readonly current?: unknown;
  /** For RATE_LIMITED: seconds until a retry can succeed, sent as `Retry-After`. */
  readonly retryAfterSeconds?: number;

  constructor(code: AppErrorCode, message?: string, extra: { field?: string; current?: unknown; retryAfterSeconds?: number } = {}) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = "AppError";
    this.code = code;
    this.field = extra.field;
    this.current = extra.current;
    this.retryAfterSeconds = extra.retryAfterSeconds;
  }

  static [Symbol.hasInstance](value: unknown): boolean {
    // A subclass (none today) keeps the usual check.
    if (this !== AppError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === "object" && value !== null && (value as { [APP_ERROR]?: unknown })[APP_ERROR] === true;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /** The JSON body of the error response: `{ error, field?, current? }`. */
  toJSON() {
    return {
      error: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.current !== undefined ? { current: this.current } : {}),
    };
  }
}

export const notFound = (what = "Not found.") => new AppError("NOT_FOUND", what);

Object.defineProperty(AppError.prototype, APP_ERROR, { value: true });
