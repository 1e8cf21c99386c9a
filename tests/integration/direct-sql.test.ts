import { describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/db/database-url";
import { readRows, sql, writeAll, type SqlStatement } from "@/lib/db/direct-sql";
import { createTeam } from "@/seeds/factories";

const onSqlite = databaseKind(process.env.DATABASE_URL!) === "sqlite";

const auditRow = (id: string, teamId: string, after: string, at: Date): SqlStatement =>
  sql`INSERT INTO "AuditEvent" ("id", "teamId", "actorId", "action", "objectType", "objectId", "after", "createdAt")
      VALUES (${id}, ${teamId}, ${null}, ${"test.direct"}, ${"annotation"}, ${"object-1"}, ${after}, ${at})`;

describe("statements straight on the driver (lib/db/direct-sql.ts)", () => {
  it("stores dates and Unicode text exactly as Prisma reads and filters them, and reads them back", async () => {
    const team = await createTeam(db);
    const at = new Date("2023-01-30T09:15:42.123Z");
    const id = randomUUID();
    // In a time zone far from UTC: a driver that sent local time would shift the stored instant by nine hours.
    const tz = process.env.TZ;
    process.env.TZ = "Asia/Seoul";
    try {
      await writeAll([auditRow(id, team.id, JSON.stringify({ quote: "“Seoul” – 서울, Kishida’s" }), at)]);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }

    const row = await db.auditEvent.findUniqueOrThrow({ where: { id } });
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

  it("writes all of its statements or none", async () => {
    const team = await createTeam(db);
    const first = randomUUID();
    const at = new Date();
    // The second statement reuses the first one's id: the primary key refuses it, and the first is rolled back.
    await expect(writeAll([auditRow(first, team.id, "{}", at), auditRow(first, team.id, "{}", at)])).rejects.toThrow();
    expect(await db.auditEvent.count({ where: { teamId: team.id } })).toBe(0);
    // The same statements with distinct ids go through (the cached statements are reusable after a failure).
    await writeAll([auditRow(first, team.id, "{}", at), auditRow(randomUUID(), team.id, "{}", at)]);
    expect(await db.auditEvent.count({ where: { teamId: team.id } })).toBe(2);
  });

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

      const id = randomUUID();
      const started = Date.now();
      await writeAll([auditRow(id, team.id, "{}", new Date())]);
      const waited = Date.now() - started;

      expect(await transaction).toBe(rollback);
      expect(waited).toBeGreaterThanOrEqual(200);
      expect(await db.auditEvent.count({ where: { id } })).toBe(1);
      expect((await db.team.findUniqueOrThrow({ where: { id: team.id } })).name).not.toBe("Renamed inside the transaction");
    },
  );
});
