/**
 * A file's bytes as base64, in the browser: uploads travel as base64 inside
 * the JSON body (see lib/schemas/article.ts), so the server can check that
 * they are UTF-8 on the raw bytes rather than on text the browser decoded.
 */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In chunks: String.fromCharCode(...a million bytes) would overflow the call stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
