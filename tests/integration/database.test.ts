import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { db } from "@/lib/db";
import { databaseKind } from "@/lib/db/database-url";
import { NameAsTextPool } from "@/lib/db/pg-name-oid-shim";
import { seedDemo, DEMO_ACCOUNTS } from "@/seeds/demo";
import { createClaim } from "@/lib/server/claims/create-claim";
import { updateClaim } from "@/lib/server/claims/update-claim";
import { makeDesk } from "../support/actors";
import { viewerOf } from "@/lib/server/visibility/viewer";

const url = process.env.DATABASE_URL!;
const kind = databaseKind(url);

describe("demo seed", () => {
  it("is idempotent: a second run creates nothing and changes no counts", async () => {
    await seedDemo(db);
    const counts = async () => [await db.team.count(), await db.user.count(), await db.article.count(), await db.membership.count()];
    const before = await counts();
    expect((await seedDemo(db)).created).toBe(0);
    expect(await counts()).toEqual(before);
    const team = await db.team.findUniqueOrThrow({
      where: { slug: "demo-desk" },
      include: { memberships: { include: { user: true } }, articles: true },
    });
    expect(team.name).toBe("Demo Desk");
    expect(team.memberships.map((m) => [m.user.email, m.role]).sort()).toEqual(DEMO_ACCOUNTS.map((a) => [a.email, a.role]).sort());
    expect(team.articles).toHaveLength(5);
    // The article page shows the headline as the title: the text does not open with it again.
    const versions = await db.articleVersion.findMany({
      where: { article: { teamId: team.id, title: { not: null } } },
      include: { article: true },
    });
    expect(versions.length).toBeGreaterThanOrEqual(3);
    for (const v of versions) expect(v.text.split("\n").slice(0, 3)).not.toContain(v.article.title);
  });
});

describe("concurrent writes", () => {
  it("50 concurrent creates and updates in one process all succeed", async () => {
    const desk = await makeDesk(db);
    const created = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        createClaim(desk.reviewer, desk.article.id, { versionId: desk.version.id, start: i, end: i + 5, verdict: "verified" }),
      ),
    );
    const updated = await Promise.all(
      created.map(async (c) => updateClaim(await viewerOf(desk.reviewer), c.id, { version: c.version, verdict: "disputed" })),
    );
    expect(updated.every((c) => c.verdict === "disputed")).toBe(true);
    expect(await db.annotation.count({ where: { articleId: desk.article.id, verdict: "disputed" } })).toBe(50);
  });

  it("two processes writing at once never fail with SQLITE_BUSY (or a lock error)", async () => {
    const desk = await makeDesk(db);
    const run = (writer: number) =>
      new Promise<{ errors: number; stderr: string }>((resolve) => {
        const child = spawn(
          "npx",
          ["tsx", "tests/support/concurrent-writer.ts", JSON.stringify([desk.reviewer, desk.article.id, desk.version.id, writer])],
          { env: process.env },
        );
        let out = "";
        let err = "";
        child.stdout.on("data", (d) => (out += d));
        child.stderr.on("data", (d) => (err += d));
        child.on("exit", () => resolve({ errors: JSON.parse(out.trim().split("\n").pop() || '{"errors":-1}').errors, stderr: err }));
      });
    const results = await Promise.all([run(0), run(1)]);
    for (const r of results) expect(r.errors, r.stderr).toBe(0);
    expect(await db.annotation.count({ where: { articleId: desk.article.id, verdict: "verified" } })).toBe(400);
  }, 120_000);
});

describe.runIf(kind === "postgres")("PostgreSQL migrations through the driver adapter (prisma/orm#27403 shim)", () => {
  const nameQuery = { sql: "SELECT current_database() AS db", args: [], argTypes: [] };

  it("a plain pool cannot read a column of type name; the shimmed pool can", async () => {
    const plain = await new PrismaPg(new pg.Pool({ connectionString: url, max: 1 })).connect();
    await expect(plain.queryRaw(nameQuery)).rejects.toThrow();
    await plain.dispose();

    const shimmed = await new PrismaPg(new NameAsTextPool({ connectionString: url, max: 1 }), { disposeExternalPool: true }).connect();
    const result = await shimmed.queryRaw(nameQuery);
    expect(result.rows[0]?.[0]).toBe(new URL(url).pathname.slice(1));
    // Transactions use pooled clients: they are relabelled too.
    const tx = await shimmed.startTransaction();
    expect((await tx.queryRaw(nameQuery)).rows[0]?.[0]).toBe(new URL(url).pathname.slice(1));
    await tx.rollback();
    await shimmed.dispose();
  });
});
