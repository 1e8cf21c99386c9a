/**
 * Bytes of a page or file -> text, in the encoding the bytes declare.
 *
 * The order is the HTML standard's: a byte-order mark, then the HTTP header's
 * charset (for a fetched page), then for HTML a `<meta charset>` or
 * `<meta http-equiv="Content-Type">` in the first 1,024 bytes
 * (html-encoding-sniffer, the jsdom project's implementation of the
 * standard's prescan). Bytes that declare nothing must be UTF-8: we never
 * guess an encoding, because a wrong guess saves garbage as the canonical
 * text that every claim's offsets count in.
 *
 * Decoding is strict (`fatal`): a byte sequence that is not valid in the
 * declared encoding is refused, never replaced with U+FFFD. The decoder is
 * @exodus/bytes, an implementation of the WHATWG Encoding Standard: Node 20's
 * own TextDecoder (ICU) decodes "windows-1252" as ISO-8859-1, turning the
 * curly quotes and dashes of a French or German page into C1 control
 * characters (checked: 0x92 becomes U+0092, not ’), and differs on a few
 * windows-1250/1251 bytes. EUC-KR, Shift_JIS and GB18030 decode the same in both.
 */
import sniffHtmlEncoding from "html-encoding-sniffer";
import { getBOMEncoding, labelToName, TextDecoder as WhatwgDecoder } from "@exodus/bytes/encoding.js";
import { AppError } from "@/lib/errors";
import { findControlCharacter } from "@/lib/schemas/article";

/** How the encoding was chosen. */
export type EncodingSource = "bom" | "http" | "meta" | "default";

/** Decoded text, the encoding's WHATWG name and what declared it. */
export type DecodedText = { text: string; encoding: string; declaredBy: EncodingSource };

const NONE = "x-claimdesk-none";

/** The encoding bytes declare, by BOM, transport label and (HTML) meta prescan; UTF-8 when they declare none. */
export function sniffEncoding(
  bytes: Uint8Array,
  opts: { html: boolean; transportCharset?: string | null },
): { encoding: string; declaredBy: EncodingSource } {
  const bom = getBOMEncoding(bytes);
  if (bom) return { encoding: labelToName(bom) ?? "UTF-8", declaredBy: "bom" };
  const transport = opts.transportCharset ? labelToName(opts.transportCharset) : null;
  if (transport) return { encoding: transport, declaredBy: "http" };
  if (opts.html) {
    const sniffed = sniffHtmlEncoding(bytes, { defaultEncoding: NONE });
    if (sniffed !== NONE) return { encoding: sniffed, declaredBy: "meta" };
  }
  return { encoding: "UTF-8", declaredBy: "default" };
}

/**
 * Decode a file or fetched page strictly (see the module comment). Refusals
 * are 400s naming `field`: an encoding we cannot decode, bytes that are not
 * valid in the declared encoding, or control characters (binary data, or
 * UTF-16 without a byte-order mark, which passes a UTF-8 check as "H\0e\0…").
 */
export function decodeText(bytes: Uint8Array, opts: { html: boolean; transportCharset?: string | null; field: string }): DecodedText {
  const { encoding, declaredBy } = sniffEncoding(bytes, opts);
  if (encoding === "replacement" || encoding === "x-user-defined") {
    throw new AppError(
      "INVALID_INPUT",
      `The ${opts.field === "url" ? "page" : "file"} declares an encoding (${encoding}) that cannot be read as text.`,
      { field: opts.field },
    );
  }
  let text: string;
  try {
    // ignoreBOM: false (the default) drops a byte-order mark that matches the encoding.
    text = new WhatwgDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    const what = opts.field === "url" ? "The page" : "The file";
    throw new AppError(
      "INVALID_INPUT",
      declaredBy === "default"
        ? `${what} is not UTF-8 text and does not say which encoding it uses. Save it as UTF-8 (or declare its encoding with <meta charset>) and try again.`
        : `${what} says it is ${encoding} (by its ${declaredBy === "meta" ? "<meta charset>" : declaredBy === "http" ? "Content-Type header" : "byte-order mark"}), but its bytes are not valid ${encoding}.`,
      { field: opts.field },
    );
  }
  const control = findControlCharacter(text);
  if (control) {
    throw new AppError(
      "INVALID_INPUT",
      `The ${opts.field === "url" ? "page" : "file"} holds a control character (${control}), so it is not text: it may be UTF-16 without a byte-order mark, or a binary file. Save it as UTF-8 text and try again.`,
      { field: opts.field },
    );
  }
  return { text, encoding, declaredBy };
}
