/**
 * How deep a JSON text nests, counted over its bytes before it is parsed.
 * Every walk over parsed input (the NUL and surrogate check in readJson, the
 * W3C import's reader, zod) recurses once per level, so 20 KB of `[[[…` can
 * overflow the stack and 8 MB of it takes seconds. One pass over the bytes
 * settles it first: brackets inside strings do not count, and UTF-8 never
 * uses an ASCII byte inside a multi-byte character.
 */

/** Deepest nesting any honest request needs (a W3C collection is about 8 levels deep). */
export const MAX_JSON_DEPTH = 64;

/** Whether the JSON text in `bytes` opens more than `max` arrays or objects inside each other. */
export function jsonNestsDeeperThan(bytes: Uint8Array, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (inString) {
      if (b === 0x5c)
        i++; // backslash: skip the escaped byte
      else if (b === 0x22) inString = false;
    } else if (b === 0x22) inString = true;
    else if (b === 0x5b || b === 0x7b) {
      if (++depth > max) return true;
    } else if (b === 0x5d || b === 0x7d) depth--;
  }
  return false;
}
