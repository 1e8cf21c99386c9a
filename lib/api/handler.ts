import { type NextRequest } from "next/server";
import { ZodError, type ZodType } from "zod";
import { AppError } from "@/lib/errors";
import { cachedSessionUserId, requireUser, type CurrentUser } from "@/lib/auth/current-user";
import { countWrite } from "@/lib/quotas/write-rate";
import { viewerOf, type Viewer } from "@/lib/server/visibility/viewer";
import { requestRefusal } from "./request-guard";
import { MAX_JSON_DEPTH, jsonNestsDeeperThan } from "./json-depth";
import { withApiCsp } from "./api-headers";
import { jsonResponse } from "./json-response";

/** Default cap on a JSON request body. */
export const MAX_BODY_BYTES = 64 * 1024;

type RouteContext<P> = { params: Promise<P> };
type Handler<P> = (args: {
  req: NextRequest;
  params: P;
  user: CurrentUser;
  /** The caller as a Viewer (what blind review lets them see), read at most once per request: what every read of people's work requires. */
  viewer: () => Promise<Viewer>;
}) => Promise<unknown> | unknown;

/**
 * The one wrapper every API route goes through: it signs the caller in (401)
 * and turns errors into `{ error, field? }` JSON with
 * the status from lib/errors.ts. Unknown errors become a bare 500; their
 * message never reaches the client.
 */
/*
 * Routes name no roles: each use case asks lib/policies (requirePermission, or a
 * policy that also weighs the object's state) and throws the refusal as a 403.
 */
export function withUser<P = Record<string, string>>(handler: Handler<P>) {
  return async (req: NextRequest, ctx: RouteContext<P>) => {
    try {
      // Cross-site (403) and non-JSON bodies (415) are refused before anything else (lib/api/request-guard.ts).
      const refused = requestRefusal(req);
      if (refused) throw refused;
      const t0 = performance.now();
      // Writes per user per minute (lib/quotas/write-rate.ts): 429 with Retry-After past the limit. On PostgreSQL the
      // count is a round trip of its own, so it runs while the caller's memberships are read, by the user id of the
      // session token (once that token is known); a refused sign-in still answers 401 first.
      const write = req.method !== "GET" && req.method !== "HEAD";
      const tokenUser = write ? cachedSessionUserId(req) : undefined;
      const counted = tokenUser === undefined ? undefined : countWrite(tokenUser);
      counted?.catch(() => {});
      const user = await requireUser(req);
      if (counted) await counted;
      else if (write) await countWrite(user.id);
      const t1 = performance.now();
      const params = await ctx.params;
      // No id holds a NUL or a lone surrogate; the database would refuse them with an error.
      if (Object.values(params ?? {}).some((v) => typeof v === "string" && badTextReason(v))) throw new AppError("NOT_FOUND");
      let viewer: Promise<Viewer> | undefined;
      const out = await handler({ req, params, user, viewer: () => (viewer ??= viewerOf(user)) });
      const res = out instanceof Response ? out : jsonResponse(out);
      // Server-Timing shows where a request's time went (browser devtools, bench/).
      res.headers.set("Server-Timing", `auth;dur=${(t1 - t0).toFixed(2)}, handler;dur=${(performance.now() - t1).toFixed(2)}`);
      return withApiCsp(res);
    } catch (error) {
      return withApiCsp(errorResponse(error));
    }
  };
}

/** The JSON response for any error thrown by a handler. */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers = error.retryAfterSeconds ? { "Retry-After": String(error.retryAfterSeconds) } : undefined;
    return jsonResponse(error.toJSON(), { status: error.status, headers });
  }
  if (error instanceof ZodError) return jsonResponse(zodToAppError(error).toJSON(), { status: 400 });
  console.error("Unhandled API error", error);
  return jsonResponse({ error: "Something went wrong on our side. Your input was not saved; try again." }, { status: 500 });
}

export function zodToAppError(error: ZodError): AppError {
  const issue = error.issues[0];
  const field = issue?.path.map(String).join(".") || undefined;
  return new AppError("INVALID_INPUT", issue ? `${field ? `${field}: ` : ""}${issue.message}` : undefined, { field });
}

/**
 * Reads a JSON body of at most `maxBytes` (413 beyond it, counted while
 * streaming so a lying Content-Length cannot get past) and validates it (400
 * naming the field).
 *
 * With a Content-Length the body is complete once that many bytes are in, and
 * the read stops there instead of waiting for the stream's end, which Node
 * signals a turn of the event loop later: about 20 µs of every JSON write
 * (measured in the server on a claim create, whose route takes ~330 µs).
 * Node's HTTP parser frames the body by that header, so no byte past it is
 * ever part of this body; a body cut short still ends with the stream (400).
 */
export async function readJson<T>(req: Request, schema: ZodType<T>, maxBytes = MAX_BODY_BYTES): Promise<T> {
  const header = req.headers.get("content-length");
  const declared = header === null ? NaN : Number(header);
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = req.body?.getReader();
  // Never true without a Content-Length (NaN).
  const complete = () => size >= declared;
  while (reader && !complete()) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  reader?.releaseLock();
  const bytes = Buffer.concat(chunks);
  // Before any recursive walk (JSON.parse's own, zod's, rejectBadText's): lib/api/json-depth.ts.
  if (jsonNestsDeeperThan(bytes)) throw new AppError("INVALID_INPUT", `The request body nests more than ${MAX_JSON_DEPTH} levels deep.`);
  let data: unknown;
  try {
    data = JSON.parse(utf8.decode(bytes));
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw zodToAppError(parsed.error);
  rejectBadText(parsed.data);
  return parsed.data;
}

/**
 * Why a string cannot be stored as text, or null: U+0000 is valid JSON but no
 * database text column takes it (PostgreSQL refuses it outright), and a lone
 * surrogate (`"\ud800"` in JSON) is not Unicode text at all (no UTF-8 form).
 */
export function badTextReason(value: string): string | null {
  if (value.includes("\u0000")) return "must not contain a NUL character";
  if (!value.isWellFormed()) return "must not contain a lone surrogate (a broken UTF-16 character)";
  return null;
}

/**
 * Refuses any string that badTextReason finds, as bad input named by its
 * path. Checked on what the schema accepted, so a schema's own message (say,
 * the article text's control-character check with its line number) comes first.
 */
function rejectBadText(value: unknown, path: string[] = []): void {
  if (typeof value === "string") {
    const why = badTextReason(value);
    if (why) throw new AppError("INVALID_INPUT", `${path.join(".") || "body"}: ${why}.`, { field: path.join(".") || undefined });
  } else if (Array.isArray(value)) value.forEach((v, i) => rejectBadText(v, [...path, String(i)]));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) rejectBadText(v, [...path, k]);
}

/** Validates query-string parameters. */
export function readQuery<T>(req: NextRequest, schema: ZodType<T>): T {
  const query = Object.fromEntries(req.nextUrl.searchParams);
  const parsed = schema.safeParse(query);
  if (!parsed.success) throw zodToAppError(parsed.error);
  rejectBadText(parsed.data);
  return parsed.data;
}

/** Strict UTF-8 (a malformed byte is an error, not U+FFFD); one decoder serves every call, as a decode without `stream` keeps no state. */
const utf8 = new TextDecoder("utf-8", { fatal: true });

const tooLarge = (max: number) => new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than ${Math.round(max / 1024)} KB.`);
