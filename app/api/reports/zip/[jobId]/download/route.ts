import { withUser } from "@/lib/api/handler";
import { fileResponse } from "@/lib/api/file-response";
import { downloadZipJob } from "@/lib/server/reports/get-zip-job";

/** GET /api/reports/zip/{id}/download: the finished ZIP of the team's reports. */
export const GET = withUser<{ jobId: string }>(({ params, user }) => fileResponse(downloadZipJob(user, params.jobId)));
