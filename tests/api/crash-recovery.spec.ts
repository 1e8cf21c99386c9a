/**
 * The server comes back: kill -9 of the app process while claims
 * are being written. Every write the server acknowledged is in the database
 * with its audit event, the database is sound, and the supervisor of
 * `npm start` has the server answering again by itself.
 */
import { databaseKind } from "@/lib/db/database-url";
import { test, expect, makeDesk, testDb } from "../support/fixtures";
import { signInAt } from "../support/app-instance";
import { startSupervisedApp } from "../support/supervised-app";

test.describe.configure({ timeout: 240_000 });

test("kill -9 during a write loop: every acknowledged write is present, the database is sound, and the server is back by itself", async () => {
  test.setTimeout(240_000);
  // The desk first: npm start seeds the demo desk only into a database without teams.
  const desk = await makeDesk();
  const app = await startSupervisedApp(process.env.DATABASE_URL!);
  try {
    const first = await app.answering(1);
    const cookie = await signInAt(app.url, desk.editor.email);
    const acked: string[] = [];
    let failures = 0;
    let phase: "before" | "after" | "done" = "before";
    const ackedAfterRestart = () => acked.length - ackedBefore;
    let ackedBefore = Infinity;

    // Four writers create claims as fast as the server answers; a refused or cut connection is retried.
    const writer = async (w: number) => {
      for (let i = 0; phase !== "done"; i++) {
        const start = (w * 1000 + i) % (desk.text.length - 10);
        try {
          const res = await fetch(`${app.url}/api/articles/${desk.article.id}/claims`, {
            method: "POST",
            headers: { cookie, "content-type": "application/json" },
            body: JSON.stringify({ versionId: desk.version.id, start, end: start + 5, verdict: "verified" }),
          });
          if (res.status === 201) acked.push(((await res.json()) as { id: string }).id);
          else failures++;
        } catch {
          failures++;
          await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    const writers = Array.from({ length: 4 }, (_, w) => writer(w));

    await expect.poll(() => acked.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
    process.kill(first, "SIGKILL");
    const second = await app.answering(2);
    ackedBefore = acked.length;
    phase = "after";
    await expect.poll(ackedAfterRestart, { timeout: 60_000 }).toBeGreaterThanOrEqual(40);
    phase = "done";
    await Promise.all(writers);

    // Back by itself, as a new process, and the supervisor said why.
    expect(second).not.toBe(first);
    expect(app.lines.some((l) => l.includes(`app process ${first} killed by SIGKILL`) && l.includes("restarting"))).toBe(true);

    // Every acknowledged claim is there, each with its audit event: nothing half-written.
    const db = testDb();
    const rows = await db.annotation.findMany({ where: { articleId: desk.article.id }, select: { id: true } });
    const ids = new Set(rows.map((r) => r.id));
    expect(
      acked.filter((id) => !ids.has(id)),
      "acknowledged but missing",
    ).toEqual([]);
    const audited = await db.auditEvent.findMany({
      where: { teamId: desk.team.id, objectType: "annotation", action: "claim.create" },
      select: { objectId: true },
    });
    const auditedIds = new Set(audited.map((a) => a.objectId));
    expect(
      rows.filter((r) => !auditedIds.has(r.id)),
      "claims without their audit event",
    ).toEqual([]);
    expect(
      audited.filter((a) => !ids.has(a.objectId)),
      "audit events without their claim",
    ).toEqual([]);

    if (databaseKind(process.env.DATABASE_URL!) === "sqlite") {
      const check = await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
      expect(check.map((r) => r.integrity_check)).toEqual(["ok"]);
    }
    test.info().annotations.push({
      type: "writes",
      description: `${acked.length} acknowledged (${ackedBefore} before the kill), ${failures} refused or cut`,
    });
  } finally {
    await app.stop();
  }
});
