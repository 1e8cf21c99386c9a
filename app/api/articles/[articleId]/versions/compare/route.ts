import { readQuery, withUser } from "@/lib/api/handler";
import { compareVersionsSchema } from "@/lib/schemas/article";
import { compareVersions } from "@/lib/server/articles/compare-versions";

export const GET = withUser<{ articleId: string }>(({ req, user, params }) => {
  const { from, to } = readQuery(req, compareVersionsSchema);
  return compareVersions(user, params.articleId, from, to);
});
