import { z } from "zod";
import { REPORT_FORMATS } from "@/lib/export/report-model";
import type { ImportProblem } from "@/lib/export/parse-w3c";
import type { Verdict } from "./claim";

export { REPORT_FORMATS };

/**
 * The largest W3C annotation upload (POST /api/articles/{id}/annotations/import
 * refuses more with 413; the import form checks before sending). An export of
 * a thousand claims with evidence is about 2 MB; 8 MB leaves room without inviting abuse.
 */
export const MAX_W3C_IMPORT_BYTES = 8 * 1024 * 1024;
const formatSchema = z.enum(REPORT_FORMATS, { error: `Use one of: ${REPORT_FORMATS.join(", ")}.` });

const webUrl = z
  .string()
  .max(2000)
  .refine(
    (v) => URL.canParse(v) && ["http:", "https:"].includes(new URL(v).protocol),
    "Use a web address that starts with http:// or https://.",
  );

/** GET /api/articles/{id}/report. */
export const reportQuerySchema = z.object({
  format: formatSchema,
  /** One review round's report instead of the article's. */
  round: z.string().min(1).max(64).optional(),
  /** `inline` shows the report in the browser instead of downloading it. */
  disposition: z.enum(["attachment", "inline"]).default("attachment"),
  /** Where the desk publishes the HTML report: ClaimReview and CSV claim URLs point into it. */
  publishUrl: webUrl.optional(),
});
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** POST /api/reports/zip: which formats go into the team's ZIP (all by default). */
export const zipRequestSchema = z.object({ formats: z.array(formatSchema).min(1).max(REPORT_FORMATS.length).optional() });
export type ZipRequest = z.infer<typeof zipRequestSchema>;

/** A ZIP job as the progress endpoint returns it. */
export type ZipJobDto = {
  id: string;
  status: "running" | "done" | "failed";
  /** Articles done so far, out of `total`. */
  done: number;
  total: number;
  /** Set when done: where to download the ZIP. */
  downloadUrl: string | null;
  error: string | null;
};

/** What an import did, annotation by annotation (index = place in the uploaded JSON). */
export type ImportReportDto = {
  total: number;
  imported: {
    index: number;
    id: string | null;
    annotationId: string;
    start: number;
    end: number;
    verdict: Verdict;
    placedBy: "position" | "quote" | "context";
    evidence: number;
  }[];
  failed: ImportProblem[];
};
