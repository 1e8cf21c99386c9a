import { createHash, randomBytes } from "node:crypto";

/**
 * One-time link tokens (invitations, password resets): 32 random bytes,
 * base64url, shown once in the link; only their SHA-256 is stored, so a
 * leaked database holds no usable link. A fast hash suffices: the token has
 * 256 bits of entropy, so nothing can be guessed from its hash.
 */
export function newOneTimeToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url");
  return { token, hash: hashOneTimeToken(token) };
}

export const hashOneTimeToken = (token: string) => createHash("sha256").update(token, "utf8").digest("hex");

/** The shape of a token; anything else is not looked up at all. */
export const isOneTimeToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** How long the links stay good. */
export const INVITATION_TTL_MS = 7 * 24 * 3600_000;
export const PASSWORD_RESET_TTL_MS = 24 * 3600_000;
