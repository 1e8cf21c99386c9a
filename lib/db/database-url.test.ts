import { describe, expect, it } from "vitest";
import { DEFAULT_DATABASE_URL, databaseKind, isLocalDatabase, sqliteFilePath } from "./database-url";

describe("databaseKind", () => {
  it("reads file: URLs and bare paths as SQLite", () => {
    expect(databaseKind(DEFAULT_DATABASE_URL)).toBe("sqlite");
    expect(databaseKind("file:./data/test/claimdesk-test-4.db")).toBe("sqlite");
    expect(databaseKind("FILE:/var/lib/claimdesk.db?connection_limit=1")).toBe("sqlite");
    expect(databaseKind("./data/claimdesk.db")).toBe("sqlite");
    expect(databaseKind("C:\\claimdesk\\data.db")).toBe("sqlite");
  });

  it("reads postgres:// and postgresql:// URLs as PostgreSQL, whatever their case", () => {
    expect(databaseKind("postgres://u:p@db.example.com:5432/claimdesk")).toBe("postgres");
    expect(databaseKind("postgresql://postgres@127.0.0.1:55432/claimdesk4")).toBe("postgres");
    expect(databaseKind("PostgreSQL://localhost/claimdesk")).toBe("postgres");
  });

  it("refuses any other scheme, quoting the scheme but not the credentials", () => {
    for (const url of [
      "mysql://root:s3cret@db/claimdesk",
      "sqlite://data/claimdesk.db",
      "https://example.com/db",
      "postgresql:/claimdesk",
      "prisma+postgres://accelerate.prisma-data.net/?api_key=s3cret",
    ]) {
      expect(() => databaseKind(url), url).toThrow(/Unsupported DATABASE_URL scheme/);
      expect(() => databaseKind(url), url).not.toThrow(/s3cret/);
    }
    expect(() => databaseKind("mysql://root:s3cret@db/claimdesk")).toThrow('"mysql:"');
  });
});

describe("sqliteFilePath", () => {
  it("drops the file: prefix and any query string", () => {
    expect(sqliteFilePath("file:./data/claimdesk.db?mode=rwc")).toBe("./data/claimdesk.db");
    expect(sqliteFilePath("FILE:/tmp/x.db")).toBe("/tmp/x.db");
    expect(sqliteFilePath("./data/claimdesk.db")).toBe("./data/claimdesk.db");
  });
});

describe("isLocalDatabase", () => {
  it("accepts SQLite files and PostgreSQL on this machine", () => {
    expect(isLocalDatabase("file:./data/claimdesk.db")).toBe(true);
    expect(isLocalDatabase("./data/claimdesk.db")).toBe(true);
    for (const host of ["localhost", "127.0.0.1", "[::1]"])
      expect(isLocalDatabase(`postgresql://postgres@${host}:55432/claimdesk4`), host).toBe(true);
    // A Unix socket: no host in the URL.
    expect(isLocalDatabase("postgres:///claimdesk?host=/var/run/postgresql")).toBe(true);
  });

  it("refuses other hosts, lookalikes and unknown schemes", () => {
    for (const url of [
      "postgres://u:p@db.example.com:5432/claimdesk",
      "postgresql://postgres@10.0.0.5/claimdesk",
      "postgresql://postgres@localhost.attacker.example/claimdesk",
      "postgresql://postgres@127.0.0.1.nip.io/claimdesk",
      "postgresql://[not a url",
      "mysql://root@localhost/claimdesk",
      "sqlite://data/claimdesk.db",
    ]) {
      expect(isLocalDatabase(url), url).toBe(false);
    }
  });
});
