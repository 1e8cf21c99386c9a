import { withPublic } from "@/lib/api/with-account";
import { previewInvitation } from "@/lib/server/team/preview-invitation";

/** GET /api/invitations/{token} (no sign-in): which team, address and role the link is for. */
export const GET = withPublic<{ token: string }>(({ params }) => previewInvitation(params.token));
