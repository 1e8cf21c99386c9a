import { randomUUID } from "node:crypto";
import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/db/database-url";
import { checkThenWrite, readArrays, readRows, readRowsKept, sql, writeAll, type SqlStatement } from "@/lib/db/direct-sql";
import { auditInserts, insertAuditEvents } from "@/lib/server/audit/insert-audit-events";
import { recordAuditEvent, type AuditInput } from "@/lib/server/audit/record-audit-event";
import { execFileSync } from "node:child_process";
import { sqliteFilePath } from "@/lib/db/database-url";
import { createTeam, createUser } from "@/seeds/factories";

const onSqlite = databaseKind(process.env.DATABASE_URL!) === "sqlite";

/** One audit row through the app's own audit insert; `objectId` names it, since the insert makes its id. */
const auditRow = (objectId: string, teamId: string, after: unknown, at: Date): SqlStatement =>
  auditInserts([{ teamId, actorId: null, action: "test.direct", objectType: "annotation", objectId, after }], at)[0]!;

describe("statements straight on the driver (lib/db/direct-sql.ts)", () => {
  it("stores dates and Unicode text exactly as Prisma reads and filters them, and reads them back", async () => {
    const team = await createTeam(db);
    const at = new Date("2023-01-30T09:15:42.123Z");
    // In a time zone far from UTC: a driver that sent local time would shift the stored instant by nine hours.
    const tz = process.env.TZ;
    process.env.TZ = "Asia/Seoul";
    try {
      await writeAll([auditRow("object-1", team.id, { quote: "“Seoul” – 서울, Kishida’s" }, at)]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }

    const row = await db.auditEvent.findFirstOrThrow({ where: { teamId: team.id, objectId: "object-1" } });
    const id = row.id;
    // The id has the format of Prisma's @default(cuid()), as every new row's.
    expect(id).toMatch(/^c[a-z0-9]{24}$/);
    expect(row.before).toBeNull();
    expect(row.createdAt.toISOString()).toBe("2023-01-30T09:15:42.123Z");
    expect(row.after).toEqual({ quote: "“Seoul” – 서울, Kishida’s" });
    expect(await db.auditEvent.count({ where: { id, createdAt: at } })).toBe(1);
    expect(await db.auditEvent.count({ where: { id, createdAt: { gt: new Date(at.getTime() + 1) } } })).toBe(0);

    const read = await readRows<{ id: string; action: string }>(
      sql`SELECT "id" AS "id", "action" AS "action" FROM "AuditEvent" WHERE "id" = ${id} AND "teamId" = ${team.id}`,
    );
    expect(read).toEqual([{ id, action: "test.direct" }]);
    expect(await readRows(sql`SELECT "id" FROM "AuditEvent" WHERE "id" = ${"no-such-id"}`)).toEqual([]);
  });

  it("reads rows as arrays, column by column in the statement's order, with readRows' values", async () => {
    const team = await createTeam(db);
    await writeAll([auditRow("object-a", team.id, { n: 1 }, new Date("2023-01-30T09:15:42.123Z"))]);
    const byName = await readRows<{ action: string; objectId: string; teamId: string }>(
      sql`SELECT "action" AS "action", "objectId" AS "objectId", "teamId" AS "teamId" FROM "AuditEvent" WHERE "teamId" = ${team.id}`,
    );
    const byPosition = await readArrays(
      sql`SELECT "action" AS "action", "objectId" AS "objectId", "teamId" AS "teamId" FROM "AuditEvent" WHERE "teamId" = ${team.id}`,
    );
    expect(byPosition).toEqual(byName.map((r) => [r.action, r.objectId, r.teamId]));
    expect(byPosition).toEqual([["test.direct", "object-a", team.id]]);
    expect(await readArrays(sql`SELECT "id" FROM "AuditEvent" WHERE "id" = ${"no-such-id"}`)).toEqual([]);
  });

  it("writes audit rows as the Prisma path does: straight on the driver and batched in a Prisma transaction", async () => {
    const team = await createTeam(db);
    const events = (objectId: string): AuditInput[] => [
      {
        teamId: team.id,
        actorId: null,
        action: "test.same",
        objectType: "claim",
        objectId,
        before: { n: 1 },
        after: { quote: "“서울” 𝕏" },
      },
      { teamId: team.id, actorId: null, action: "test.same", objectType: "claim", objectId: `${objectId}-created`, after: [1, null] },
    ];
    for (const e of events("prisma")) await recordAuditEvent(db, e);
    await writeAll(auditInserts(events("direct"), new Date()));
    await db.$transaction((tx) => insertAuditEvents(tx, events("batched")));

    const rows = await db.auditEvent.findMany({ where: { teamId: team.id } });
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(r.id).toMatch(/^c[a-z0-9]{24}$/);
    const written = (objectId: string) =>
      rows
        .filter((r) => r.objectId.startsWith(objectId))
        .map(({ id: _id, createdAt: _at, objectId: o, ...rest }) => ({ ...rest, o: o.replace(objectId, "") }));
    const prisma = written("prisma");
    expect(prisma).toEqual(expect.arrayContaining([expect.objectContaining({ o: "-created", before: null, after: [1, null] })]));
    expect(written("direct")).toEqual(expect.arrayContaining(prisma));
    expect(written("batched")).toEqual(expect.arrayContaining(prisma));
  });

  it("writes all of its statements or none", async () => {
    const team = await createTeam(db);
    const at = new Date();
    // The second statement leaves out a required column: the database refuses it, and the first is rolled back.
    const incomplete = sql`INSERT INTO "AuditEvent" ("id", "teamId", "createdAt") VALUES (${"no-action"}, ${team.id}, ${at})`;
    await expect(writeAll([auditRow("first", team.id, {}, at), incomplete])).rejects.toThrow();
    expect(await db.auditEvent.count({ where: { teamId: team.id } })).toBe(0);
    // The cached statements are reusable after a failure.
    await writeAll([auditRow("first", team.id, {}, at), auditRow("second", team.id, {}, at)]);
    expect(await db.auditEvent.count({ where: { teamId: team.id } })).toBe(2);
  });

  it("sends a transaction's lock and check as one message and its writes with the COMMIT as another on PostgreSQL, all or none", async () => {
    const team = await createTeam(db);
    const at = new Date("2023-01-30T09:15:42.123Z");
    const suffix = randomUUID();
    // Values a literal must carry exactly: quotes, backslashes, a parameter mark, SQL, line breaks, and text beyond the BMP.
    const hostile = `O'Brien \\ \\' $1 E'x'); DROP TABLE "Team"; --\n“서울” 𝕏`;
    const newTeam = (id: string) => sql`INSERT INTO "Team" ("id", "name", "slug") VALUES (${id}, ${hostile}, ${id})`;
    const sent = onSqlite ? null : vi.spyOn(pg.Client.prototype, "query");
    let row: { name: string; n: unknown; at: unknown; none: unknown } | undefined;
    try {
      row = await checkThenWrite<{ name: string; n: unknown; at: unknown; none: unknown }>(
        sql`SELECT "name" AS "name", CAST(${2.5} AS REAL) * 2 AS "n", CAST(${at} AS TEXT) AS "at", CAST(${null} AS TEXT) AS "none" FROM "Team" WHERE "id" = ${team.id}`,
        (checked) => (checked ? [newTeam(`a-${suffix}`), auditRow("together", team.id, { hostile }, at)] : []),
        sql`SELECT 1 FROM "Team" WHERE "id" = ${team.id} FOR SHARE`,
      );
      if (sent) {
        // Preparing a statement the connection has not seen is a message of its own; every other is one of two.
        const texts = sent.mock.calls.map(([q]) => (typeof q === "string" ? q : (q as { text: string }).text));
        const calls = texts.filter((t) => !t.startsWith("PREPARE "));
        expect(calls).toHaveLength(2);
        expect(calls[0]).toMatch(
          /^BEGIN; EXECUTE claimdesk_sql_\w+\('[^']+'\); EXECUTE claimdesk_sql_\w+\('2\.5', '2023-01-30 09:15:42\.123', NULL, '[^']+'\)$/,
        );
        expect(calls[1]).toMatch(/^EXECUTE claimdesk_sql_\w+\(.*\); EXECUTE claimdesk_sql_\w+\(.*\); COMMIT$/s);
        for (const t of texts.filter((t) => t.startsWith("PREPARE ")))
          expect(t).toMatch(/^PREPARE claimdesk_sql_\w+ AS (SELECT|INSERT) .*\$1/s);
      }
    } finally {
      sent?.mockRestore();
    }
    expect(row?.name).toBe(team.name);
    expect(Number(row?.n)).toBe(5);
    expect(row?.none).toBeNull();
    expect((await db.team.findUniqueOrThrow({ where: { id: `a-${suffix}` } })).name).toBe(hostile);
    expect((await db.auditEvent.findFirstOrThrow({ where: { teamId: team.id, objectId: "together" } })).after).toEqual({ hostile });
    expect(await db.team.count({ where: { name: team.name, id: team.id } })).toBe(1);

    // The audit row leaves out a required column: the COMMIT after it never runs, and the team is not stored either.
    const incomplete = sql`INSERT INTO "AuditEvent" ("id", "teamId", "createdAt") VALUES (${"no-action"}, ${team.id}, ${at})`;
    await expect(
      checkThenWrite(null, () => [newTeam(`b-${suffix}`), incomplete], sql`SELECT 1 FROM "Team" WHERE "id" = ${team.id} FOR SHARE`),
    ).rejects.toThrow();
    expect(await db.team.count({ where: { id: `b-${suffix}` } })).toBe(0);
    // A check that refuses writes nothing, and the rollback releases the lock: the row can be updated at once.
    const refused = new Error("refused");
    await expect(
      checkThenWrite(
        sql`SELECT 1 AS "one"`,
        () => {
          throw refused;
        },
        sql`SELECT 1 FROM "Team" WHERE "id" = ${team.id} FOR UPDATE`,
      ),
    ).rejects.toBe(refused);
    await db.team.update({ where: { id: team.id }, data: { name: "Renamed" } });
    // Two INSERTs into the same table both land.
    await writeAll([auditRow("one", team.id, {}, at), auditRow("two", team.id, {}, at)]);
    expect(await db.auditEvent.count({ where: { teamId: team.id, objectId: { in: ["one", "two"] } } })).toBe(2);
  });

  it.runIf(!onSqlite)(
    "refuses a NUL character in a PostgreSQL transaction's value, as PostgreSQL refuses it, and stores nothing",
    async () => {
      const team = await createTeam(db);
      await expect(writeAll([auditRow("nul\u0000", team.id, {}, new Date())])).rejects.toMatchObject({ code: "22021" });
      expect(await db.auditEvent.count({ where: { teamId: team.id } })).toBe(0);
    },
  );

  it.runIf(onSqlite)(
    "waits, without blocking the event loop, for a Prisma transaction of this process that holds the write lock, and stays out of it",
    async () => {
      const team = await createTeam(db);
      let lockTaken!: () => void;
      const locked = new Promise<void>((resolve) => (lockTaken = resolve));
      const rollback = new Error("roll back on purpose");
      const transaction = db
        .$transaction(async (tx) => {
          await tx.team.update({ where: { id: team.id }, data: { name: "Renamed inside the transaction" } });
          lockTaken();
          await new Promise((resolve) => setTimeout(resolve, 300));
          throw rollback;
        })
        .catch((e: unknown) => e);
      await locked;

      const started = Date.now();
      await writeAll([auditRow("waited", team.id, {}, new Date())]);
      const waited = Date.now() - started;

      expect(await transaction).toBe(rollback);
      expect(waited).toBeGreaterThanOrEqual(200);
      expect(await db.auditEvent.count({ where: { teamId: team.id, objectId: "waited" } })).toBe(1);
      expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).not.toBe("Renamed inside the transaction");
    },
  );

  describe("rows kept until their tables may have changed (readRowsKept)", () => {
    const TABLES = ["User", "Membership", "Team"];
    /** The membership read of lib/auth/current-user.ts, in small. */
    const memberships = (userId: string) =>
      readRowsKept<{ teamName: string; role: string }>(
        `test-memberships:${userId}`,
        TABLES,
        sql`SELECT t."name" AS "teamName", CAST(m."role" AS TEXT) AS "role" FROM "Membership" m JOIN "Team" t ON t."id" = m."teamId"
            WHERE m."userId" = ${userId} AND m."deactivatedAt" IS NULL ORDER BY m."createdAt"`,
      );

    it("reads again after any commit of another connection, and serves the same rows while there was none", async () => {
      const team = await createTeam(db, { name: "Seoul desk" });
      const user = await createUser(db, { team, role: "reviewer" });
      const first = await memberships(user.id);
      expect(first).toEqual([{ teamName: "Seoul desk", role: "reviewer" }]);
      // Kept: the same rows, not a second read (PostgreSQL reads every time).
      if (onSqlite) expect(await memberships(user.id)).toBe(first);

      // Prisma's own connection: a role change, a deactivation, a team renamed.
      await db.membership.updateMany({ where: { userId: user.id }, data: { role: "editor" } });
      expect(await memberships(user.id)).toEqual([{ teamName: "Seoul desk", role: "editor" }]);
      await db.team.update({ where: { id: team.id }, data: { name: "Tokyo desk" } });
      expect(await memberships(user.id)).toEqual([{ teamName: "Tokyo desk", role: "editor" }]);
      await db.membership.updateMany({ where: { userId: user.id }, data: { deactivatedAt: new Date() } });
      expect(await memberships(user.id)).toEqual([]);
    });

    it.runIf(onSqlite)("reads again after a commit of another process", async () => {
      const team = await createTeam(db, { name: "Seoul desk" });
      const user = await createUser(db, { team, role: "reviewer" });
      const first = await memberships(user.id);
      expect(await memberships(user.id)).toBe(first);
      const file = sqliteFilePath(process.env.DATABASE_URL!);
      execFileSync(process.execPath, [
        "-e",
        `const D = require("better-sqlite3"); new D(${JSON.stringify(file)}).prepare('DELETE FROM "Membership" WHERE "userId" = ?').run(${JSON.stringify(user.id)});`,
      ]);
      expect(await memberships(user.id)).toEqual([]);
    });

    it.runIf(onSqlite)("reads again after this connection writes a table it reads, not after a write to another table", async () => {
      const team = await createTeam(db, { name: "Seoul desk" });
      const user = await createUser(db, { team, role: "reviewer" });
      const first = await memberships(user.id);
      // The claim write's tables: the kept rows stand.
      await writeAll([auditRow("kept", team.id, {}, new Date())]);
      expect(await memberships(user.id)).toBe(first);
      // A write on this same connection does not move data_version: the table it names does the work.
      await writeAll([sql`UPDATE "Membership" SET "role" = 'admin' WHERE "userId" = ${user.id}`]);
      expect(await memberships(user.id)).toEqual([{ teamName: "Seoul desk", role: "admin" }]);
      const second = await memberships(user.id);
      await writeAll([sql`UPDATE "Team" SET "name" = ${"Tokyo desk"} WHERE "id" = ${team.id}`]);
      const third = await memberships(user.id);
      expect(third).not.toBe(second);
      expect(third).toEqual([{ teamName: "Tokyo desk", role: "admin" }]);
      // The kept rows are frozen: no caller can change what the next one is served.
      expect(Object.isFrozen(third) && Object.isFrozen(third[0])).toBe(true);
    });
  });
});
