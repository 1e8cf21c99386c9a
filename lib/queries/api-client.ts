/** Fetch helpers for react-query: JSON in, JSON out, typed errors. */
import { canWaitForSignIn, signInDeclined, waitForSignIn, waitQuietlyForSignIn } from "./session-gate";

/** An API failure with the server's message and, where given, the field at fault and the current state (409). */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    readonly current?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The team the page was rendered for (set by the app shell); sent with every request so a tab stays in its team. */
let pinnedTeam: string | null = null;
export function pinTeam(teamId: string | null): void {
  pinnedTeam = teamId;
}
const TEAM_HEADER = "x-claimdesk-team";

const SESSION_ENDED = "Your session has ended. Sign in again to save.";

/**
 * Marks the app's own API calls. They skip the proxy (proxy.ts: about a
 * millisecond of server CPU a call), whose JSON answers to unknown paths and
 * methods are for other clients; a path holding `%` is checked either way.
 */
export const APP_CLIENT_HEADER = "X-Claimdesk-Client";

export async function apiFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  return (await apiRequest<T>(url, init)).body;
}

/** apiFetch with the response headers too (paged lists say their totals there). */
export async function apiRequest<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<{ body: T; headers: Headers }> {
  // A 401 waits for the person to sign in again in place (session-gate.ts), then the same request is sent again.
  for (let attempt = 0; ; attempt++) {
    const res = await send(url, init);
    const body = (await res.json().catch(() => null)) as { error?: string; field?: string; current?: unknown } | null;
    if (res.ok) return { body: body as T, headers: res.headers };
    if (res.status === 401 && typeof window !== "undefined" && attempt < 3 && canWaitForSignIn()) {
      // Once the person has said "not now", only a save of theirs asks again; a background read waits
      // quietly for the next sign-in rather than failing, which could replace what is on screen with an error.
      const read = (init.method ?? "GET").toUpperCase() === "GET";
      await (read && signInDeclined() ? waitQuietlyForSignIn() : waitForSignIn());
      continue;
    }
    throw new ApiError(
      res.status === 401 ? SESSION_ENDED : body?.error ? forPeople(body.error, body.field) : `Request failed (${res.status}).`,
      res.status,
      body?.field,
      body?.current,
    );
  }
}

/**
 * A refusal's message as the page shows it: the server puts the field's name
 * in front ("email: Enter a valid e-mail address.") for other clients, which
 * get the field apart too; a person reads the message beside the field, or
 * in the form's alert, without the internal name.
 */
export function forPeople(message: string, field?: string): string {
  if (!field || !message.startsWith(`${field}: `)) return message;
  const rest = message.slice(field.length + 2);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}

async function send(url: string, init: RequestInit & { json?: unknown }): Promise<Response> {
  const { json, ...rest } = init;
  try {
    return await fetch(url, {
      ...rest,
      headers: {
        Accept: "application/json",
        [APP_CLIENT_HEADER]: "web",
        ...(json !== undefined ? { "Content-Type": "application/json" } : {}),
        ...(pinnedTeam ? { [TEAM_HEADER]: pinnedTeam } : {}),
        ...rest.headers,
      },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("Could not reach the server. Check your connection and try again.", 0);
  }
}
