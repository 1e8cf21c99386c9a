import path from "node:path";
import { AppError } from "@/lib/errors";
import type { ReportFormat } from "@/lib/export/report-model";
import { toCsv } from "@/lib/export/csv";
import type { VisibilitySeed } from "@/lib/server/visibility/viewer";
import { reportPool, type Built } from "./report-pool";
import { reportLimits } from "./report-limits";
import { ZipFileWriter } from "./zip-file-writer";
import { zipDir, type ZipJob } from "./zip-jobs";

/** Articles loaded together by one worker task (one query per table for each). */
const BATCH_ARTICLES = 100;
/** A task holds articles up to about this much text and claims (bounds the files held before they are zipped). */
const BATCH_WEIGHT = 8 * 1024 * 1024;
/** What a claim weighs against that budget: its quote, rationale, evidence and reviews, in the formats asked. */
const CLAIM_WEIGHT = 2048;
/**
 * Tasks per report worker when there is enough work: the ZIP compresses one
 * batch while the workers build the next, so the compression that follows
 * the last build, which no build overlaps, is a small batch's.
 */
const BATCHES_PER_WORKER = 4;
/** Batches per report worker that may wait, built, for the ZIP to compress them (bounds the files held). */
const BUILT_AHEAD = 2;

/** An article of the ZIP, with its size: the length of its current text and its number of annotations. */
export type ZipArticle = { id: string; textLength: number; annotations: number };

const weightOf = (a: ZipArticle) => a.textLength + a.annotations * CLAIM_WEIGHT;

/**
 * Articles cut into worker tasks of at most BATCH_ARTICLES and BATCH_WEIGHT
 * (a heavier article is a task alone), and into at least `parallel` tasks
 * when there is enough work, so that every report worker has some.
 */
export function zipBatches(articles: ZipArticle[], parallel = 1): string[][] {
  const total = articles.reduce((sum, a) => sum + weightOf(a), 0);
  const budget = Math.min(BATCH_WEIGHT, Math.ceil(total / parallel));
  const batches: string[][] = [];
  let weight = Infinity;
  for (const a of articles) {
    const w = weightOf(a);
    if (weight + w > budget || batches.at(-1)!.length >= BATCH_ARTICLES) {
      batches.push([]);
      weight = 0;
    }
    batches.at(-1)!.push(a.id);
    weight += w;
  }
  return batches;
}

/**
 * Builds the ZIP of a job: one folder per article (`001-title-v1/`) with the
 * requested formats, and `index.csv` listing the articles. Progress counts
 * articles; the job is marked done only when the ZIP is complete. Each
 * report is what `viewer` may see (blind review), read by the worker.
 *
 * Bounded whatever the team holds: the report workers load and build the
 * articles in batches of bounded size (each file under the report limits),
 * the next batches build while this one is compressed into a temporary file,
 * and memory holds BUILT_AHEAD batches' files per worker at most (measured:
 * 10,000 claims as PDF, peak 188-207 MB extra against 179-193 before).
 * Past CLAIMDESK_ZIP_MAX_MB the job fails, naming the limit. An article
 * deleted meanwhile is left out.
 */
export async function buildTeamZip(
  job: ZipJob,
  articles: ZipArticle[],
  formats: ReportFormat[],
  baseUrl: string,
  pdfFallbackFont: string | null,
  viewer: VisibilitySeed,
) {
  const file = path.join(zipDir(), `${job.id}.zip`);
  const writer = new ZipFileWriter(file, reportLimits().zipMaxBytes);
  const index: (string | number)[][] = [["folder", "article_id", "title", "version", "claims", "verified", "disputed", "unsourced"]];
  const load = { baseUrl };
  // The worker reads the member's visibility itself (one statement): a sealed Visibility does not cross threads.
  const seed = { id: viewer.id, teamId: viewer.teamId, role: viewer.role };
  const build = (articleIds: string[]) => {
    const built = reportPool().run({ kind: "articles", viewer: seed, articleIds, load, formats }, { fallbackFont: pdfFallbackFont });
    // Awaited in its turn below; a failure before then must not count as an unhandled rejection.
    built.catch(() => {});
    return built;
  };
  // As many batches building as there are report workers. A worker that finishes takes the next batch at once, not
  // when the ZIP gets round to its batch (in order, after compressing the one before): up to BUILT_AHEAD batches per
  // worker may wait, built, for the ZIP, and a batch's files are let go once it is compressed.
  const { workers } = reportLimits();
  const batches = zipBatches(articles, workers * BATCHES_PER_WORKER);
  const built: (Promise<Built> | undefined)[] = [];
  let launched = 0;
  let building = 0;
  let zipped = 0;
  let stopped = false;
  const launch = () => {
    while (!stopped && launched < batches.length && building < workers && launched - zipped < workers * BUILT_AHEAD) {
      const batch = build(batches[launched]!);
      built[launched++] = batch;
      building++;
      // Built: the worker is free for the next batch. Failed: the ZIP stops when it reaches this batch.
      void batch.then(
        () => {
          building--;
          launch();
        },
        () => {
          building--;
        },
      );
    }
  };
  try {
    for (let b = 0; b < batches.length; b++) {
      launch();
      const { files, reports } = await built[b]!;
      built[b] = undefined;
      for (const r of reports) {
        const folder = `${String(index.length).padStart(3, "0")}-${r.stem}`;
        for (const f of files.filter((f) => f.articleId === r.articleId)) await writer.add(`${folder}/${f.filename}`, f.bytes);
        index.push([
          folder,
          r.articleId,
          r.title ?? "",
          r.version,
          r.claims,
          r.verdicts.verified,
          r.verdicts.disputed,
          r.verdicts.unsourced,
        ]);
        job.done = Math.min(job.total, job.done + 1);
      }
      job.done = Math.min(
        job.total,
        batches.slice(0, b + 1).reduce((n, batch) => n + batch.length, 0),
      );
      zipped = b + 1;
    }
    await writer.add("index.csv", toCsv(index));
    job.bytes = await writer.finish();
    job.file = file;
    job.status = "done";
  } catch (error) {
    stopped = true;
    await writer.abort();
    if (!(error instanceof AppError)) console.error("Team ZIP failed", error);
    job.status = "failed";
    job.error =
      error instanceof AppError
        ? `The ZIP could not be built: ${error.message}`
        : "The ZIP could not be built. Try again; if it fails again, export the articles one by one.";
  } finally {
    job.finishedAt = Date.now();
  }
}
