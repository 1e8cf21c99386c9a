import { createHash } from "node:crypto";
import { codePointLength } from "@/lib/anchoring/offsets";

/** The stored fields of an article version for a canonical text: the text, its SHA-256 (hex) and its length in code points. */
export function versionFields(text: string) {
  return { text, textHash: createHash("sha256").update(text, "utf8").digest("hex"), length: codePointLength(text) };
}
