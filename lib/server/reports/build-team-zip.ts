import path from "node:path";
import { AppError } from "@/lib/errors";
import type { ReportFormat, ReportModel } from "@/lib/export/report-model";
import { fileStem } from "@/lib/export/report-text";
import { toCsv } from "@/lib/export/csv";
import { reportPool } from "@/lib/export/report-pool";
import { reportLimits } from "@/lib/export/report-limits";
import type { FinalClaimsViewer } from "@/lib/server/claims/list-final-claims";
import { loadReports } from "./load-reports";
import { ZipFileWriter } from "./zip-file-writer";
import { zipDir, type ZipJob } from "./zip-jobs";

/** Articles loaded together (one query per table for each batch). */
const LOAD_BATCH = 100;
/** A worker task holds articles up to about this much text and claims (bounds the files held before they are zipped). */
const TASK_WEIGHT = 8 * 1024 * 1024;
/** What a claim weighs against that budget: its quote, rationale, evidence and reviews, in the formats asked. */
const CLAIM_WEIGHT = 2048;

/** Models cut into worker tasks of at most TASK_WEIGHT each (a single heavier article is a task alone). */
function renderTasks(models: ReportModel[]): ReportModel[][] {
  const tasks: ReportModel[][] = [];
  let weight = Infinity;
  for (const m of models) {
    const w = m.version.text.length + m.claims.length * CLAIM_WEIGHT;
    if (weight + w > TASK_WEIGHT) {
      tasks.push([]);
      weight = 0;
    }
    tasks.at(-1)!.push(m);
    weight += w;
  }
  return tasks;
}

/**
 * Builds the ZIP of a job: one folder per article (`001-title-v1/`) with the
 * requested formats, and `index.csv` listing the articles. Progress counts
 * articles; the job is marked done only when the ZIP is complete.
 *
 * Bounded whatever the team holds: articles are loaded a batch at a time,
 * files are built on the report workers (each under the report limits), and
 * each file is compressed into a temporary file as soon as it is built, so
 * memory holds one task's files at most. Past CLAIMDESK_ZIP_MAX_MB the job
 * fails, naming the limit. An article deleted meanwhile is left out.
 */
export async function buildTeamZip(job: ZipJob, articleIds: string[], formats: ReportFormat[], baseUrl: string, pdfFallbackFont: string | null, viewer: FinalClaimsViewer) {
  const file = path.join(zipDir(), `${job.id}.zip`);
  const writer = new ZipFileWriter(file, reportLimits().zipMaxBytes);
  const index: (string | number)[][] = [["folder", "article_id", "title", "version", "claims", "verified", "disputed", "unsourced"]];
  try {
    for (let from = 0; from < articleIds.length; from += LOAD_BATCH) {
      const batch = articleIds.slice(from, from + LOAD_BATCH);
      const models = await loadReports(job.teamId, batch, { baseUrl, viewer });
      for (const task of renderTasks(models)) {
        const files = await reportPool().render(task, formats, { fallbackFont: pdfFallbackFont });
        for (const [i, model] of task.entries()) {
          const folder = `${String(index.length).padStart(3, "0")}-${fileStem(model)}`;
          for (const f of files.slice(i * formats.length, (i + 1) * formats.length)) await writer.add(`${folder}/${f.filename}`, f.bytes);
          const s = model.summary;
          index.push([folder, model.article.id, model.article.title ?? "", model.version.number, s.total, s.byVerdict.verified, s.byVerdict.disputed, s.byVerdict.unsourced]);
          job.done = Math.min(job.total, job.done + 1);
        }
      }
      job.done = Math.min(job.total, from + batch.length);
    }
    await writer.add("index.csv", toCsv(index));
    job.bytes = await writer.finish();
    job.file = file;
    job.status = "done";
  } catch (error) {
    await writer.abort();
    if (!(error instanceof AppError)) console.error("Team ZIP failed", error);
    job.status = "failed";
    job.error = error instanceof AppError
      ? `The ZIP could not be built: ${error.message}`
      : "The ZIP could not be built. Try again; if it fails again, export the articles one by one.";
  } finally {
    job.finishedAt = Date.now();
  }
}
