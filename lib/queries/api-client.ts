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

export async function apiFetch<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  return (await apiRequest<T>(url, init)).body;
}

/** apiFetch with the response headers too (paged lists say their totals there). */
export async function apiRequest<T>(url: string, init: RequestInit & { json?: unknown } = {}): Promise<{ body: T; headers: Headers }> {
  const { json, ...rest } = init;
  let res: Response;
  try {
    res = await fetch(url, {
      ...rest,
      headers: { Accept: "application/json", ...(json !== undefined ? { "Content-Type": "application/json" } : {}), ...rest.headers },
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
  return { body: body as T, headers: res.headers };
}
