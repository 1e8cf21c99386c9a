/** A file download (or inline view) response, with headers that keep it private and inert. */
export function fileResponse(
  file: { body: string | Buffer | Uint8Array | ReadableStream<Uint8Array>; contentType: string; filename: string; length?: number },
  disposition: "attachment" | "inline" = "attachment",
): Response {
  const body = typeof file.body === "string" || file.body instanceof ReadableStream ? file.body : new Uint8Array(file.body);
  const headers = new Headers({
    "Content-Type": file.contentType,
    "Content-Disposition": contentDisposition(disposition, file.filename),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
    // Defence in depth: a report runs no script and loads nothing, even when opened from the app's origin.
    "Content-Security-Policy":
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox allow-popups allow-popups-to-escape-sandbox",
  });
  // A streamed body (a ZIP read from its file) gets its length from the caller.
  if (file.length !== undefined) headers.set("Content-Length", String(file.length));
  return new Response(body, { status: 200, headers });
}

/** RFC 6266: an ASCII fallback name plus the UTF-8 name (RFC 5987) for clients that read it. */
export function contentDisposition(type: "attachment" | "inline", filename: string): string {
  const ascii =
    filename
      .normalize("NFKD")
      .replace(/[^\x20-\x7e]/g, "")
      .replace(/["\\%]/g, "_") || "report";
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
