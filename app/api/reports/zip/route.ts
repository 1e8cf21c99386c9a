import { readJson, withUser } from "@/lib/api/handler";
import { zipRequestSchema } from "@/lib/schemas/report";
import { startZipJob } from "@/lib/server/reports/start-zip-job";
import { publicBaseUrl } from "@/lib/server/reports/public-base-url";
import { jsonResponse } from "@/lib/api/json-response";

/**
 * POST /api/reports/zip { formats? }: starts a job that builds every report
 * of the team into one ZIP; 202 with the job. Poll /api/reports/zip/{id}.
 */
export const POST = withUser(async ({ req, viewer }) => {
  const input = await readJson(req, zipRequestSchema);
  return jsonResponse(await startZipJob(await viewer(), input, publicBaseUrl(req)), { status: 202 });
});
