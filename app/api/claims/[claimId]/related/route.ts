import { withUser } from "@/lib/api/handler";
import { listRelatedClaims } from "@/lib/server/assist/list-related-claims";

export const GET = withUser<{ claimId: string }>(async ({ params, viewer }) => listRelatedClaims(await viewer(), params.claimId));
