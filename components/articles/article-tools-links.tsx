import Link from "next/link";
import "./article-tools.css";
import type { ArticleDto } from "@/lib/schemas/article";
import { PublicPageLink } from "./publish-menu";

/** Links to correct the text (editors and admins), to the article's versions and, for those who do not publish, to its public page. */
export function ArticleToolsLinks({ article }: { article: ArticleDto }) {
  return (
    <p className="article-tools-links small">
      {article.can?.correct && <Link href={`/articles/${article.id}/correct`}>Correct text</Link>}
      <Link href={`/articles/${article.id}/versions`}>Versions</Link>
      {!article.can?.publish && <PublicPageLink articleId={article.id} />}
    </p>
  );
}
