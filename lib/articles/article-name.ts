/** An article as its name needs it: its title, or (title null) its lead (lib/server/articles/article-leads.ts). */
export type NamedArticle = { title: string | null; lead: string | null };

/**
 * An article's name as plain text (an activity line, an SVG title): its
 * title, or its lead in quotes, or "Untitled article" when its text is empty
 * too. components/articles/article-name.tsx draws the same in a page.
 */
export const articleNameText = (article: NamedArticle) =>
  article.title?.trim() || (article.lead ? `“${article.lead}”` : "Untitled article");

/** A stand-in title for an article whose text states none: its first line's first words (at most `max` characters, then "…"). */
export function firstWords(text: string, max = 80): string {
  const line = text.split("\n", 1)[0] ?? "";
  return line.length <= max ? line : `${line.slice(0, line.lastIndexOf(" ", max))}…`;
}

/**
 * What an article is called where it has to be named in plain text (a report,
 * a public page, a file name): its title, or the first words of its text, as
 * the article list shows them, or "Untitled article" when its text is empty.
 */
export const articleTitleOrLead = (title: string | null | undefined, text: string) =>
  title?.trim() || firstWords(text).trim() || "Untitled article";
