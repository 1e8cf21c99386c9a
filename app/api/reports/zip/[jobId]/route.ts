import { withUser } from "@/lib/api/handler";
import { getZipJob } from "@/lib/server/reports/get-zip-job";

/** GET /api/reports/zip/{id}: the job's progress ("n of N" articles) and, once done, its download URL. */
export const GET = withUser<{ jobId: string }>(({ params, user }) => getZipJob(user, params.jobId));
