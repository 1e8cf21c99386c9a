"use client";
import { ArticleName } from "./article-name";
import { firstWords } from "@/lib/articles/article-name";
import { useState } from "react";
import type { ArticleDto } from "@/lib/schemas/article";
import { formatDate, formatDateTime } from "@/lib/format-date";
import { ExportMenu } from "@/components/reports/export-menu";
import { ArticleToolsLinks } from "./article-tools-links";
import { PublishMenu } from "./publish-menu";
import { ArticleDetailsForm } from "./article-details-form";
import { DeleteArticleButton } from "./delete-article-button";
import { ExternalLink } from "@/components/ui/external-link";
import "./article-tools.css";

/**
 * Title and metadata of an article; unknown fields are left out rather than guessed. Editors can change the details,
 * publish the fact-check and delete the article.
 */
export function ArticleHeader({ article }: { article: ArticleDto }) {
  const [editing, setEditing] = useState(false);
  const dates = [
    article.publishedDate ? formatDate(article.publishedDate) : null,
    article.modifiedDate && article.modifiedDate !== article.publishedDate ? `updated ${formatDate(article.modifiedDate)}` : null,
  ].filter(Boolean);
  const meta = [article.outlet, article.author, ...dates].filter(Boolean);
  if (editing) return <ArticleDetailsForm article={article} onDone={() => setEditing(false)} />;
  return (
    <header className="article-header">
      <h1>
        <ArticleName article={{ title: article.title, lead: firstWords(article.currentVersion.text) }} />
      </h1>
      {meta.length > 0 && (
        <p className="muted" data-testid="article-meta">
          {meta.join(" · ")}
        </p>
      )}
      {article.url && (
        <p className="muted">
          <ExternalLink href={article.url}>{article.url}</ExternalLink>
        </p>
      )}
      <p className="muted small">
        Version {article.currentVersion.number}
        {article.snapshot && (
          <>
            {" · "}
            <a href={`/api/articles/${article.id}/snapshot`} download data-testid="snapshot-link">
              Page as fetched {formatDateTime(article.snapshot.fetchedAt)}
            </a>
          </>
        )}
      </p>
      <div className="article-actions">
        <ExportMenu articleId={article.id} />
        {article.can.publish && <PublishMenu articleId={article.id} />}
        <ArticleToolsLinks article={article} />
        {article.can.editMeta && (
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            Edit details
          </button>
        )}
        {article.can.delete && <DeleteArticleButton article={article} />}
      </div>
    </header>
  );
}
