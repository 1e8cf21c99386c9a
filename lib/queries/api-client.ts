/** Fetch helpers for react-query: JSON in, JSON out, typed errors. */

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

/**
 * Marks the app's own API calls. They skip the proxy (proxy.ts: about a
 * millisecond of server CPU a call), whose JSON answers to unknown paths and
 * methods are for other clients; a path holding `%` is checked either way.
 */
export const APP_CLIENT_HEADER = "X-Claimdesk-Client";

export async function apiFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: { Accept: "application/json", [APP_CLIENT_HEADER]: "web", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
      body: json !== undefined ? JSON.stringify(json) : rest.body,
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError("Could not reach the server. Check your connection and try again.", 0);
  }
  const body = (await res.json().catch(() => null)) as { error?: string; field?: string; current?: unknown } | null;
  if (!res.ok) {
    if (res.status === 401 && typeof window !== "undefined") {
      window.location.assign(`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`);
    }
    throw new ApiError(body?.error ?? `Request failed (${res.status}).`, res.status, body?.field, body?.current);
  }
  return body as T;
}
