/**
 * The Content-Security-Policy of API answers: nothing may load, run or frame
 * them (a JSON answer opened as a page, or a JSON string that looks like HTML,
 * stays inert). A response that already has a policy keeps it (reports opened
 * inline need their styles: lib/api/file-response.ts).
 */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Adds the API policy to `res` unless it has one; returns `res`. */
export function withApiCsp<R extends Response>(res: R): R {
  if (!res.headers.has("content-security-policy")) res.headers.set("Content-Security-Policy", API_CSP);
  return res;
}
