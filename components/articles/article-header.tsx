import type { ArticleDto } from "@/lib/server/articles/get-article";
import { formatDate } from "@/lib/format-date";
import { ExportMenu } from "@/components/reports/export-menu";
import { ArticleToolsLinks } from "./article-tools-links";

/** Title and metadata of an article; unknown fields are left out rather than guessed. */
export function ArticleHeader({ article }: { article: ArticleDto }) {
  const meta = [article.outlet, article.author, article.publishedDate ? formatDate(article.publishedDate) : null].filter(Boolean);
  return (
    <header className="article-header">
      <h1>{article.title ?? <span className="untitled">Untitled article</span>}</h1>
      {meta.length > 0 && <p className="muted">{meta.join(" · ")}</p>}
      {article.url && (
        <p className="muted">
          <a href={article.url} rel="noopener noreferrer nofollow" target="_blank">{article.url}</a>
        </p>
      )}
      <p className="muted small">Version {article.currentVersion.number}</p>
      <ExportMenu articleId={article.id} />
      <ArticleToolsLinks article={article} />
    </header>
  );
}
