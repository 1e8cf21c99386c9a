/** Which database a DATABASE_URL names, and where an SQLite file lives. */

export type DatabaseKind = "sqlite" | "postgres";

/** The embedded default: one SQLite file under data/. */
export const DEFAULT_DATABASE_URL = "file:./data/claimdesk.db";

/**
 * PostgreSQL for postgres:// and postgresql:// URLs; SQLite for file: URLs
 * and bare paths. Any other scheme (mysql://, sqlite://, https://) throws
 * rather than becoming an SQLite file named after the URL. Only the scheme is
 * quoted in the message, never the credentials.
 */
export function databaseKind(url: string): DatabaseKind {
  if (/^postgres(ql)?:\/\//i.test(url)) return "postgres";
  if (/^file:/i.test(url)) return "sqlite";
  // Two letters or more, so a Windows drive (C:\data\x.db) still reads as a path.
  const scheme = /^([a-z][a-z0-9+.-]+):/i.exec(url)?.[1];
  if (scheme)
    throw new Error(`Unsupported DATABASE_URL scheme "${scheme}:". Use file:./data/claimdesk.db (SQLite) or postgresql://… (PostgreSQL).`);
  return "sqlite";
}

/** The file path of an SQLite URL (`file:./data/x.db` or a bare path), relative to the working directory. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/i, "").replace(/\?.*$/, "");
}

/** True when a database URL points at this machine (tests refuse anything else). */
export function isLocalDatabase(url: string): boolean {
  try {
    if (databaseKind(url) === "sqlite") return true;
    const host = new URL(url).hostname;
    return ["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host);
  } catch {
    return false;
  }
}
