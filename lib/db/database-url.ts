/** Which database a DATABASE_URL names, and where an SQLite file lives. */

export type DatabaseKind = "sqlite" | "postgres";

/** The embedded default: one SQLite file under data/. */
export const DEFAULT_DATABASE_URL = "file:./data/claimdesk.db";

export function databaseKind(url: string): DatabaseKind {
  return /^postgres(ql)?:\/\//i.test(url) ? "postgres" : "sqlite";
}

/** The file path of an SQLite URL (`file:./data/x.db` or a bare path), relative to the working directory. */
export function sqliteFilePath(url: string): string {
  return url.replace(/^file:/, "").replace(/\?.*$/, "");
}

/** True when a database URL points at this machine (tests refuse anything else). */
export function isLocalDatabase(url: string): boolean {
  if (databaseKind(url) === "sqlite") return true;
  try {
    const host = new URL(url).hostname;
    return ["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(host);
  } catch {
    return false;
  }
}
