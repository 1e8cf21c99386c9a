import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/current-user";
import { REPORT_FORMATS } from "@/lib/export/report-model";
import type { ZipJobDto, ZipRequest } from "@/lib/schemas/report";
import { buildTeamZip } from "./build-team-zip";
import { openZipJob, toZipJobDto } from "./zip-jobs";
import { pdfFallbackFont } from "@/lib/export/pdf-fonts";

/**
 * POST /api/reports/zip: starts building every report of the caller's team
 * into one ZIP and returns the job at once; the client polls
 * GET /api/reports/zip/{id} for "n of N" and downloads when it is done.
 * A user who already has a job running gets that job back.
 */
export async function startZipJob(user: CurrentUser, input: ZipRequest, baseUrl: string): Promise<ZipJobDto> {
  const rows = await db.article.findMany({
    where: { teamId: user.teamId, deletedAt: null },
    // Sizes, to cut the work into batches of bounded weight (build-team-zip.ts): no text is read here.
    select: {
      id: true,
      versions: { select: { length: true }, orderBy: { number: "desc" }, take: 1 },
      _count: { select: { annotations: true } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const articles = rows.map((a) => ({ id: a.id, textLength: a.versions[0]?.length ?? 0, annotations: a._count.annotations }));
  const slug =
    user.teamName
      .normalize("NFKD")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "") || "team";
  const { job, fresh } = openZipJob(user, articles.length, `${slug}-reports-${new Date().toISOString().slice(0, 10)}.zip`);
  if (fresh) {
    const formats = input.formats ? [...new Set(input.formats)] : [...REPORT_FORMATS];
    // Not awaited: the work continues after this response; the job records its own failure.
    void buildTeamZip(job, articles, formats, baseUrl, pdfFallbackFont(), user);
  }
  return toZipJobDto(job);
}
