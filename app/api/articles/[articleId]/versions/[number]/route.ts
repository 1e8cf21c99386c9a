import { withUser } from "@/lib/api/handler";
import { getVersionText } from "@/lib/server/articles/get-version-text";

/** GET /api/articles/{id}/versions/{number}: the version's canonical text as plain UTF-8, with its SHA-256 as the ETag. */
export const GET = withUser<{ articleId: string; number: string }>(async ({ params, user }) => {
  const v = await getVersionText(user.teamId, params.articleId, params.number);
  return new Response(v.text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      ETag: `"${v.textHash}"`,
      "Cache-Control": "private, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
