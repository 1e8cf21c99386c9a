import type { NamedArticle } from "@/lib/articles/article-name";

/**
 * An article's name in a list or a heading: its title, or, for an article
 * whose text states none, the first words of its text in italics (its lead,
 * lib/server/articles/article-leads.ts), as the article list shows it; a
 * bare "Untitled article" only when the text is empty too.
 */
export function ArticleName({ article }: { article: NamedArticle }) {
  if (article.title?.trim()) return article.title;
  return <span className="untitled">{article.lead || "Untitled article"}</span>;
}
