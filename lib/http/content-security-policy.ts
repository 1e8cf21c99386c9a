/**
 * The Content-Security-Policy of the app's pages (the proxy sets it, with a
 * fresh nonce per request). Next.js reads the nonce from the request's copy
 * of the header and puts it on its own scripts and inline styles; React's
 * scripts load the rest under `'strict-dynamic'`. tiptap's injected style tag
 * gets the nonce too (`useCspNonce`, components/ui/csp-nonce.tsx). Style
 * *attributes* (React's `style` prop, ProseMirror's and Next's own) cannot
 * carry a nonce, so `style-src-attr` allows them: an attribute can restyle
 * one element but not load or run anything. The JSON API and file downloads
 * send their own, stricter policies (next.config.js, lib/api/file-response.ts).
 */

/** A fresh nonce: 128 random bits, base64. */
export const newNonce = (): string => btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));

/** The policy for one page response. `dev` allows what `next dev` needs (eval for React's debugging); `https` upgrades stray http requests. */
export function pageCsp(nonce: string, opts: { dev?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(opts.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
