import JSZip from "jszip";
import type { ReportFormat } from "@/lib/export/report-model";
import { renderReport } from "@/lib/export/render-report";
import { fileStem } from "@/lib/export/report-text";
import { toCsv } from "@/lib/export/csv";
import { loadReport } from "./load-report";
import type { ZipJob } from "./zip-jobs";
import type { Visibility } from "@/lib/policies/visibility";

/**
 * Builds the ZIP of a job: one folder per article (`001-title-v1/`) with the
 * requested formats, and `index.csv` listing the articles. Progress counts
 * articles; the job is marked done only when the ZIP is complete. Each
 * report is what `v` (the member who asked, as of the start) may see.
 */
export async function buildTeamZip(job: ZipJob, v: Visibility, articleIds: string[], formats: ReportFormat[], baseUrl: string, pdfFallbackFont: string | null) {
  const zip = new JSZip();
  const index: (string | number)[][] = [["folder", "article_id", "title", "version", "claims", "verified", "disputed", "unsourced"]];
  try {
    for (const [i, articleId] of articleIds.entries()) {
      const model = await loadReport(v, articleId, { baseUrl });
      const folder = `${String(i + 1).padStart(3, "0")}-${fileStem(model)}`;
      for (const format of formats) {
        const file = await renderReport(model, format, { fallbackFont: pdfFallbackFont });
        zip.file(`${folder}/${file.filename}`, file.body);
      }
      const s = model.summary;
      index.push([folder, articleId, model.article.title ?? "", model.version.number, s.total, s.byVerdict.verified, s.byVerdict.disputed, s.byVerdict.unsourced]);
      job.done = i + 1;
    }
    zip.file("index.csv", toCsv(index));
    job.zip = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
    job.status = "done";
  } catch (error) {
    console.error("Team ZIP failed", error);
    job.status = "failed";
    job.error = "The ZIP could not be built. Try again; if it fails again, export the articles one by one.";
  } finally {
    job.finishedAt = Date.now();
  }
}
