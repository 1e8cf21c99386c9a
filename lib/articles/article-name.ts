/** An article as its name needs it: its title, or (title null) its lead (lib/server/articles/article-leads.ts). */
export type NamedArticle = { title: string | null; lead: string | null };

/**
 * An article's name as plain text (an activity line, an SVG title): its
 * title, or its lead in quotes, or "Untitled article" when its text is empty
 * too. components/articles/article-name.tsx draws the same in a page.
 */
export const articleNameText = (article: NamedArticle) =>
  article.title?.trim() || (article.lead ? `“${article.lead}”` : "Untitled article");
