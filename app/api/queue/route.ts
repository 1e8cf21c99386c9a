import { withUser } from "@/lib/api/handler";
import { listQueue } from "@/lib/server/reviews/list-queue";

/** GET /api/queue: the caller's review assignments ("My queue"). */
export const GET = withUser(async ({ viewer }) => listQueue(await viewer()));
