import { readFileSync, rmSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import JSZip from "jszip";
import { AppError } from "@/lib/errors";
import type { Built } from "./report-pool";
import type { ZipJob } from "./zip-jobs";

/** The report pool, as a list of the tasks it was given, each settled by the test. */
const tasks: { articleIds: string[]; resolve: (b: Built) => void; reject: (e: unknown) => void }[] = [];

vi.mock("./report-pool", () => ({
  reportPool: () => ({
    run: (task: { articleIds: string[] }) =>
      new Promise<Built>((resolve, reject) => tasks.push({ articleIds: task.articleIds, resolve, reject })),
  }),
}));
vi.mock("./report-limits", () => ({ reportLimits: () => ({ workers: 2, zipMaxBytes: 64 * 1024 * 1024 }) }));

const { buildTeamZip, zipBatches } = await import("./build-team-zip");

/** 80 articles of one weight: 2 workers × 4 batches of 10. */
const ARTICLES = Array.from({ length: 80 }, (_, i) => ({ id: `a${String(i).padStart(2, "0")}`, textLength: 1000, annotations: 10 }));

/** What a worker sends back for a batch: a CSV file and an index line per article. */
const built = (articleIds: string[]): Built => ({
  files: articleIds.map((id) => ({
    articleId: id,
    format: "csv",
    bytes: Buffer.from(`claims of ${id}\n`),
    contentType: "text/csv",
    filename: "claims.csv",
  })),
  reports: articleIds.map((id) => ({
    articleId: id,
    stem: id,
    title: id,
    version: 1,
    claims: 1,
    verdicts: { verified: 1, disputed: 0, unsourced: 0 },
  })),
});

const job = (): ZipJob => ({
  id: `test-${Math.random().toString(36).slice(2)}`,
  teamId: "team",
  userId: "user",
  status: "running",
  done: 0,
  total: ARTICLES.length,
  error: null,
  file: null,
  bytes: 0,
  filename: "team.zip",
  finishedAt: null,
});

const viewer = { id: "user", teamId: "team", role: "editor" as const };

/** Lets every settled promise run its callbacks (the ZIP's compression included). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

afterEach(() => {
  tasks.length = 0;
});

describe("the team ZIP keeps every report worker busy", () => {
  it("cuts the articles into 8 batches for 2 workers", () => {
    expect(zipBatches(ARTICLES, 8).map((b) => b.length)).toEqual([10, 10, 10, 10, 10, 10, 10, 10]);
  });

  it("gives a worker the next batch as soon as it finishes, holds at most 2 built batches per worker, and zips in order", async () => {
    const j = job();
    const done = buildTeamZip(j, ARTICLES, ["csv"], "http://claimdesk.test", null, viewer);
    await settle();
    // One batch per worker.
    expect(tasks).toHaveLength(2);

    // The second worker finishes first: it takes the third batch at once, while the ZIP still waits for the first.
    tasks[1]!.resolve(built(tasks[1]!.articleIds));
    await settle();
    expect(tasks).toHaveLength(3);
    tasks[2]!.resolve(built(tasks[2]!.articleIds));
    await settle();
    expect(tasks).toHaveLength(4);
    // Three batches built and one building, none zipped: the next waits for the ZIP (2 workers × 2).
    tasks[3]!.resolve(built(tasks[3]!.articleIds));
    await settle();
    expect(tasks).toHaveLength(4);
    expect(j.done).toBe(0);

    // The first batch arrives: the ZIP takes the four in order, and the workers get the rest as they finish.
    tasks[0]!.resolve(built(tasks[0]!.articleIds));
    for (let i = 4; i < 8; i++) {
      await vi.waitFor(() => expect(tasks.length).toBeGreaterThan(i));
      tasks[i]!.resolve(built(tasks[i]!.articleIds));
    }
    await done;
    expect(tasks).toHaveLength(8);
    expect(j.status).toBe("done");
    expect(j.done).toBe(80);

    const zip = await JSZip.loadAsync(readFileSync(j.file!));
    rmSync(j.file!, { force: true });
    const index = (await zip.file("index.csv")!.async("string")).trim().split(/\r?\n/).slice(1);
    expect(index.map((line) => line.split(",")[1])).toEqual(ARTICLES.map((a) => a.id));
    expect(await zip.file("001-a00/claims.csv")!.async("string")).toBe("claims of a00\n");
    expect(await zip.file("080-a79/claims.csv")!.async("string")).toBe("claims of a79\n");
  });

  it("starts no batch once one has failed, and says why", async () => {
    const j = job();
    const done = buildTeamZip(j, ARTICLES, ["csv"], "http://claimdesk.test", null, viewer);
    await settle();
    tasks[0]!.reject(new AppError("PAYLOAD_TOO_LARGE", "The PDF of “a00” is larger than the limit."));
    await done;
    expect(j.status).toBe("failed");
    expect(j.error).toBe("The ZIP could not be built: The PDF of “a00” is larger than the limit.");
    // The other worker's batch finishes after the failure: nothing new starts.
    tasks[1]!.resolve(built(tasks[1]!.articleIds));
    await settle();
    expect(tasks).toHaveLength(2);
  });
});
