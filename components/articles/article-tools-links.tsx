import Link from "next/link";
import "./article-tools.css";
import type { ArticleDto } from "@/lib/schemas/article";

/** Links to correct the text (editors and admins) and to the article's versions. */
export function ArticleToolsLinks({ article }: { article: ArticleDto }) {
  return (
    <p className="article-tools-links small">
      {article.can?.correct && <Link href={`/articles/${article.id}/correct`}>Correct text</Link>}
      <Link href={`/articles/${article.id}/versions`}>Versions</Link>
    </p>
  );
}
