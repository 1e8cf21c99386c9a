import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { VersionCompareDto } from "@/lib/schemas/article";
import { diffWords } from "@/lib/versions/diff-words";
import { findArticle } from "./find-article";
import { toVersionDto, versionSummarySelect } from "./list-versions";

/** GET /api/articles/{id}/versions/compare?from=N&to=M: two versions side by side, what changed marked word by word. */
export async function compareVersions(user: CurrentUser, articleId: string, from: number, to: number): Promise<VersionCompareDto> {
  const { current } = await findArticle(user.teamId, articleId);
  const rows = await db.articleVersion.findMany({
    where: { articleId, article: { teamId: user.teamId }, number: { in: [from, to] } },
    select: { ...versionSummarySelect, text: true },
  });
  const pick = (n: number) => {
    const row = rows.find((r) => r.number === n);
    if (!row) throw notFound(`This article has no version ${n}.`);
    return row;
  };
  const a = pick(from);
  const b = pick(to);
  return { from: toVersionDto(a, current.number), to: toVersionDto(b, current.number), parts: diffWords(a.text, b.text) };
}
