/** Typed application errors and the one table that maps them to HTTP statuses. */

export const ERROR_STATUS = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
} as const;

export type AppErrorCode = keyof typeof ERROR_STATUS;

const DEFAULT_MESSAGES: Record<AppErrorCode, string> = {
  INVALID_INPUT: "The request is not valid.",
  UNAUTHENTICATED: "Sign in to continue.",
  FORBIDDEN: "You do not have permission to do that.",
  NOT_FOUND: "Not found.",
  CONFLICT: "Someone changed this in the meantime.",
  PAYLOAD_TOO_LARGE: "The request is too large.",
  RATE_LIMITED: "Too many requests. Try again later.",
};

/** An error whose message is safe to show to the user. */
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
